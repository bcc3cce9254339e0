// axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules run on a page: each violation as one line
// (rule, impact, first element, help), for an assertion's message.
import path from 'node:path';
import { REPO_ROOT } from '../harness.mjs';

const AXE_SCRIPT = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return results.violations.map((v) => `${v.id} [${v.impact}] ${v.nodes[0]?.target.join(' ')}: ${v.help}`);
  });
}
