// Every page that exists, checked with axe-core against WCAG 2.0, 2.1 and 2.2 levels A and AA
// (ARCHITECTURE.md principle 8). A failure lists each violation's rule id, impact and first node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  useHarness, clickAndLoad, fillLogin, languageSwitch, REPO_ROOT, screenshotPath,
} from './harness.mjs';

const AXE_SCRIPT = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CRAWL_LIMIT = 40;
// The plan's and the funding scheme's published pages: public, so in all three languages.
const DATA_PAGES = [
  'plan', 'plan/areas/2', 'plan/actions/2.4', 'plan/actions/1.1', 'plan/goals/1', 'plan/nbsap/1',
  'plan/kmgbf/3', 'plan/sdg/15', 'plan/matrix', 'ccfs/rules', 'ccfs/rules/diff', 'ccfs/sites',
  'ccfs/sites?category=B&district=sai_kung&q=%E6%9D%91', 'grants',
  'grants?q=%E8%8D%94%E6%9E%9D%E7%AA%A9&type=management_agreement',
  'dashboard', 'indicators', 'cbi', 'reports/annual/2026', 'cases', 'cases?habitat=mangrove',
];

const h = useHarness({
  users: [
    { username: 'admin', role: 'administrator', displayName: 'Ada Administrator' },
    { username: 'applicant', role: 'applicant', displayName: 'Apple Applicant' },
  ],
});

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const brief = (list) => list.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      target: v.nodes[0] ? v.nodes[0].target.join(' ') : '',
      html: v.nodes[0] ? v.nodes[0].html.slice(0, 160) : '',
    }));
    return { violations: brief(results.violations), incomplete: brief(results.incomplete) };
  }, WCAG_TAGS);
}

function describe(list) {
  return list.map((v) => `  ${v.id} [${v.impact}] ${v.target} (${v.count} node${v.count === 1 ? '' : 's'}): ${v.help}\n      ${v.html}`)
    .join('\n');
}

// Checks the page already loaded in `page`; `status` is the HTTP status it must have had.
async function checkPage(t, page, label, response, status) {
  assert.ok(response, `${label}: no response`);
  assert.equal(response.status(), status, `${label}: HTTP status`);
  assert.ok(await languageSwitch(page).getByRole('link').count() >= 1, `${label}: the page has a language switch`);
  const { violations, incomplete } = await axeViolations(page);
  if (incomplete.length) t.diagnostic(`${label}: axe could not decide (review by hand):\n${describe(incomplete)}`);
  assert.equal(violations.length, 0,
    `${label} (${page.url()}) has ${violations.length} WCAG violation(s):\n${describe(violations)}`);
}

// A page in a context that lets the axe script in whatever the page's Content-Security-Policy says.
function newAxePage(options = {}) {
  return h.newPage({ bypassCSP: true, ...options });
}

async function visit(t, page, pathname, status = 200) {
  await t.test(`${pathname} (${status})`, async (st) => {
    const response = await page.goto(h.url(pathname));
    await checkPage(st, page, pathname, response, status);
  });
}

test('public pages meet WCAG 2.2 AA', async (t) => {
  const page = await newAxePage();
  try {
    for (const lang of ['zh', 'en', 'zh-hans']) {
      await visit(t, page, `/${lang}/`);
      await visit(t, page, `/${lang}/login`);
      await visit(t, page, `/${lang}/no-such-page`, 404);
      for (const pathname of DATA_PAGES) await visit(t, page, `/${lang}/${pathname}`);
      await visit(t, page, `/${lang}/plan/actions/9.9`, 404);
    }
    for (const lang of ['zh', 'en']) {
      await t.test(`/${lang}/login with an error summary`, async (st) => {
        await page.goto(h.url(`/${lang}/login`));
        await fillLogin(page, 'applicant', 'wrong password');
        assert.equal(new URL(page.url()).pathname, `/${lang}/login`);
        assert.ok(await page.getByRole('alert').first().isVisible(), 'an error summary is shown');
        // The form's answer to the bad login; reload would repeat the POST, so check in place.
        const { violations } = await axeViolations(page);
        assert.equal(violations.length, 0,
          `/${lang}/login after a bad login has ${violations.length} WCAG violation(s):\n${describe(violations)}`);
        st.diagnostic('checked');
      });
    }
    for (const lang of ['zh', 'en']) await visit(t, page, `/${lang}/logout`, 405);
    await t.test('the 403 page for a form without its CSRF token', async () => {
      await page.goto(h.url('/en/login'));
      await page.locator('input[name="csrf_token"]').evaluate((input) => input.remove());
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        clickAndLoad(page.getByRole('main').getByRole('button', { name: /sign ?in|log ?in/i })),
      ]);
      assert.equal(response.status(), 403, 'a form without its token is refused with 403');
      const { violations } = await axeViolations(page);
      assert.equal(violations.length, 0,
        `the CSRF refusal page has ${violations.length} WCAG violation(s):\n${describe(violations)}`);
    });
    await t.test('empty login form shows an accessible error summary', async () => {
      await page.goto(h.url('/en/login'));
      await clickAndLoad(page.getByRole('main').getByRole('button', { name: /log ?in|sign ?in/i }));
      const { violations } = await axeViolations(page);
      assert.equal(violations.length, 0,
        `/en/login after an empty submit has ${violations.length} WCAG violation(s):\n${describe(violations)}`);
    });
  } finally {
    await page.context().close();
  }
});

test('signed-in pages and the 403 page meet WCAG 2.2 AA', async (t) => {
  const page = await newAxePage();
  try {
    await h.login(page, 'applicant', { lang: 'zh' });
    for (const lang of ['zh', 'en', 'zh-hans']) await visit(t, page, `/${lang}/account`);
    for (const lang of ['zh', 'en']) {
      await visit(t, page, `/${lang}/admin`, 403);
      await visit(t, page, `/${lang}/admin/users`, 403);
    }
  } finally {
    await page.context().close();
  }
});

test('administration pages meet WCAG 2.2 AA', async (t) => {
  const page = await newAxePage({ viewport: { width: 1280, height: 900 } });
  try {
    await h.login(page, 'admin', { lang: 'en' });
    const seen = new Set();
    const queue = ['/zh/admin', '/en/admin', '/zh/admin/users', '/en/admin/users',
      // The hub's taxa (issue 9 §3): a search and one taxon (or its not-found note), whatever is held.
      '/zh/admin/taxa?q=a', '/en/admin/taxa?q=a', '/en/admin/taxa?id=1'];
    // Every page the admin pages link to under /LANG/admin, as they grow.
    while (queue.length && seen.size < CRAWL_LIMIT) {
      const pathname = queue.shift();
      if (seen.has(pathname)) continue;
      seen.add(pathname);
      await visit(t, page, pathname);
      const links = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.href));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== h.baseURL) continue;
        if (!/^\/(zh|en)\/admin(\/|$)/.test(url.pathname)) continue;
        const target = url.pathname + url.search;
        if (!seen.has(target)) queue.push(target);
      }
    }
    for (const lang of ['zh', 'en']) {
      await t.test(`/${lang}/admin/users: the add-user form with its error summary`, async () => {
        await page.goto(h.url(`/${lang}/admin/users`));
        await clickAndLoad(page.getByRole('main').getByRole('button').last());
        assert.ok(await page.getByRole('alert').first().isVisible(), 'an error summary is shown');
        const { violations } = await axeViolations(page);
        assert.equal(violations.length, 0,
          `/${lang}/admin/users with errors has ${violations.length} WCAG violation(s):\n${describe(violations)}`);
      });
    }
    await t.test('/en/admin/users after adding a user (success banner)', async () => {
      await page.goto(h.url('/en/admin/users'));
      const main = page.getByRole('main');
      await main.getByRole('textbox', { name: /^Username/ }).fill('new.officer');
      await main.getByRole('textbox', { name: /^Name/ }).fill('New Officer');
      await main.getByRole('checkbox', { name: /Secretariat/ }).check();
      await main.getByLabel(/Initial password/).fill('a long initial password');
      await clickAndLoad(main.getByRole('button', { name: /Add user/ }));
      assert.ok(await page.getByRole('cell', { name: 'New Officer' }).isVisible(), 'the new user is listed');
      const { violations } = await axeViolations(page);
      assert.equal(violations.length, 0,
        `/en/admin/users after adding a user has ${violations.length} WCAG violation(s):\n${describe(violations)}`);
    });
    await page.goto(h.url('/en/admin/users'));
    await page.screenshot({ path: screenshotPath('admin-users-en.png'), fullPage: true });
    await page.goto(h.url('/zh/admin/users'));
    await page.screenshot({ path: screenshotPath('admin-users-zh.png'), fullPage: true });
    t.diagnostic(`checked ${seen.size} administration page(s): ${[...seen].join(' ')}`);
  } finally {
    await page.context().close();
  }
});

test('home, matrix, rules and sites pages at a phone width meet WCAG 2.2 AA (reflow, target size)', async (t) => {
  const page = await newAxePage({ viewport: { width: 320, height: 640 } });
  try {
    for (const pathname of ['/zh/', '/zh/plan/matrix', '/en/ccfs/rules', '/en/ccfs/sites']) {
      await visit(t, page, pathname);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${pathname} scrolls sideways at 320 px by ${overflow} px (WCAG 1.4.10 Reflow)`);
    }
    await page.goto(h.url('/zh/'));
    await page.screenshot({ path: screenshotPath('home-zh-320px.png'), fullPage: true });
  } finally {
    await page.context().close();
  }
});

test('the applicant portal meets WCAG 2.2 AA: registration, the organisation, every part of an application', async (t) => {
  const page = await newAxePage({ viewport: { width: 1280, height: 900 } });
  try {
    for (const lang of ['zh', 'en', 'zh-hans']) await visit(t, page, `/${lang}/register`);
    await t.test('/en/register with its error summary', async () => {
      await page.goto(h.url('/en/register'));
      await page.check('#kind-society_cap151');
      await clickAndLoad(page.getByRole('main').getByRole('button', { name: 'Register' }));
      assert.match(await page.getByRole('alert').first().innerText(), /Cap\. 151/);
      const { violations } = await axeViolations(page);
      assert.equal(violations.length, 0, `register with errors:\n${describe(violations)}`);
    });
    await page.goto(h.url('/en/register'));
    await page.fill('#name_en', 'Axe Trust Limited');
    await page.check('#kind-charitable_institution');
    await page.fill('#display_name', 'Axe Person');
    await page.fill('#post', 'Chair');
    await page.fill('#email', 'axe@example.org');
    await page.fill('#username', 'axe.person');
    await page.fill('#password', 'accessible portal pages');
    await clickAndLoad(page.getByRole('main').getByRole('button', { name: 'Register' }));
    await fillLogin(page, 'axe.person', 'accessible portal pages');
    await page.waitForURL(/\/en\/portal$/);
    for (const lang of ['zh', 'en']) await visit(t, page, `/${lang}/portal`);
    await page.check('#type-cultural_revitalisation');
    await clickAndLoad(page.locator('#start-application'));
    const base = new URL(page.url()).pathname.replace(/^\/en/, '');
    for (const lang of ['zh', 'en']) {
      await visit(t, page, `/${lang}${base}`);
      for (const part of ['about', 'declarations', 'site', 'objectives', 'details', 'partners', 'funding',
        'work_plan', 'kpis', 'budget', 'disbursement']) await visit(t, page, `/${lang}${base}/parts/${part}`);
      await visit(t, page, `/${lang}${base}/review`);
      await visit(t, page, `/${lang}${base}/history`);
    }
  } finally {
    await page.context().close();
  }
});

// The assessment's and the funded projects' pages on the demo data (`bsap demo load`: an
// application approved through both panels and the committee and running as a project, another
// being screened), as each role sees them.
test('assessment and project pages meet WCAG 2.2 AA', async (t) => {
  h.run(['demo', 'load', '--force']);
  const demoPassword = 'bsap-demo-2026';
  for (const username of ['secretariat', 'assessor', 'committee', 'ngo', 'plansec', 'department', 'citizen', 'verifier', 'funder'])
    h.users.set(username, { username, password: demoPassword, role: username });
  // The demo's applications, by their state on the secretariat's dashboard.
  const ids = {};
  const lookup = await newAxePage();
  await h.login(lookup, 'secretariat');
  await lookup.goto(h.url('/en/assessment'));
  for (const row of await lookup.locator('#applications tbody tr').all()) {
    const id = (await row.locator('a').getAttribute('href')).match(/(\d+)$/)[1];
    ids[/approved/i.test(await row.innerText()) ? 'approved' : 'screening'] = id;
  }
  await lookup.context().close();
  assert.ok(ids.approved && ids.screening, JSON.stringify(ids));
  const pagesByUser = {
    secretariat: ['/en/assessment', '/zh/assessment', `/en/assessment/applications/${ids.approved}`,
      `/zh/assessment/applications/${ids.screening}`, `/en/portal/applications/${ids.approved}/assessment`,
      '/en/projects', '/zh/projects', `/en/projects/${ids.approved}`, `/zh/projects/${ids.approved}`],
    assessor: ['/en/reviews', '/zh/reviews', `/en/reviews/${ids.approved}`],
    committee: [`/en/reviews/${ids.approved}`, `/zh/reviews/${ids.approved}`],
    ngo: ['/en/portal', `/en/portal/applications/${ids.approved}/assessment`,
      `/zh/portal/applications/${ids.screening}/assessment`, '/en/projects', `/en/projects/${ids.approved}`],
    // The plan tracker (000 5.1): the working group's secretariat and a department's focal point.
    plansec: ['/en/tracker', '/zh/tracker/review', '/en/tracker/items/1.5.2/2026',
      '/en/tracker/departments', '/zh/tracker/indicators', '/en/tracker/cbi/2026', '/en/tracker/projects'],
    department: ['/en/tracker', '/zh/tracker'],
    // Citizen science (issue 11): the demo's verified observation 1, needing an ID 2, awaiting
    // review 3; the submission form with its map.
    citizen: ['/en/observations', '/zh/observations/new', '/en/observations/new', '/en/observations/1'],
    verifier: ['/zh/observations', '/en/observations/3', '/en/observations/2'],
  };
  // The demo's good-practice cases (000 2.7.1): 1 and 2 the NGO's, 3 the funder's, all published.
  pagesByUser.ngo.push('/en/cases/mine', '/zh/cases/new', '/en/cases/1', '/zh-hans/cases/2');
  pagesByUser.plansec.push('/en/cases/review', '/zh/cases/review');
  pagesByUser.funder = ['/en/cases/mine', '/en/cases/new', '/zh/cases/3'];
  for (const [username, pathnames] of Object.entries(pagesByUser)) {
    const page = await newAxePage();
    try {
      await h.login(page, username);
      for (const pathname of pathnames) await visit(t, page, pathname);
    } finally {
      await page.context().close();
    }
  }
  // The demo tags its approved project to items 1.5.1 and 1.5.2 (000 1.5 names the scheme): the
  // project shows on the item's progress page, beside its KPI results.
  const tracker = await newAxePage();
  try {
    await h.login(tracker, 'plansec');
    await tracker.goto(h.url('/en/tracker/items/1.5.2/2026'));
    assert.ok(await tracker.locator('#item-projects li').count() >= 1, await tracker.getByRole('main').innerText());
  } finally {
    await tracker.context().close();
  }
});

// The biodiversity hub's public pages on the demo data (issue 9 §5), in all three languages, with
// their Leaflet maps drawn: the species search, a species with its map of records, the area
// layers, a layer, an area's species list, and the richness map on the 1 km grid.
test('biodiversity hub pages meet WCAG 2.2 AA with their maps drawn', async (t) => {
  h.run(['demo', 'load', '--force']);
  const page = await newAxePage();
  try {
    await page.goto(h.url('/en/species?q=romeri'));
    const frog = await page.locator('#species-caption').locator('xpath=..').getByRole('link').first().getAttribute('href');
    assert.match(frog, /^\/en\/species\/\d+$/);
    const id = frog.split('/').pop();
    for (const lang of ['zh', 'en', 'zh-hans']) {
      for (const pathname of [`/${lang}/species`, `/${lang}/species?q=${lang === 'en' ? 'frog' : '%E8%9B%99'}`,
        `/${lang}/areas`, `/${lang}/areas/demo_areas`, `/${lang}/areas/demo_areas/TPK`]) {
        await visit(t, page, pathname);
      }
      for (const [pathname, map] of [[`/${lang}/species/${id}`, '#species-map'], [`/${lang}/richness`, '#richness-map']]) {
        await t.test(`${pathname} with its map drawn`, async (st) => {
          const response = await page.goto(h.url(pathname));
          await page.waitForSelector(`${map}[data-drawn]`, { timeout: 10000 });
          assert.ok(Number(await page.getAttribute(map, 'data-drawn')) > 0, `${pathname}: the map drew nothing`);
          await checkPage(st, page, pathname, response, 200);
        });
      }
    }
  } finally {
    await page.context().close();
  }
});
