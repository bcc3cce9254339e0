// The assessment's steps as the browser tests take them (guidelines §2.6, §4.1, §5.17): an
// organisation submits a demo application; the secretariat takes steps and assigns members; a
// member declares no conflict. Shared by the round's test and the funded project's test.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { clickAndLoad, REPO_ROOT } from '../harness.mjs';
import { attachSiteFiles, COMPANY_PAPERS, PDF, register, upload } from './portal.mjs';

// Hong Kong's today and a day n days later, as the server counts them (UTC+8, no DST).
export function hkDay(offsetDays = 0) {
  const now = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return now.toISOString().slice(0, 10);
}

export async function signIn(h, username) {
  const page = await h.newPage();
  await h.login(page, username);
  return page;
}

function demoApplication(file) {
  return fs.readFileSync(path.join(REPO_ROOT, 'data', 'demo', file));
}

// Registers, uploads the §2.3.1 papers, imports the application, attaches the §2.7.6 files and
// submits it as the person-in-charge; returns the application's URL and reference.
export async function submitApplication(h, { username, nameEn, nameZh, file }) {
  const page = await h.newPage();
  await register(h, page, { username, nameEn, nameZh });
  for (const kind of COMPANY_PAPERS) await upload(page, kind, `${kind}.pdf`, PDF);
  await page.setInputFiles('#application_file', { name: file, mimeType: 'application/json', buffer: demoApplication(file) });
  await clickAndLoad(page.locator('#import-application'));
  assert.match(page.url(), /\/en\/portal\/applications\/\d+$/, await page.getByRole('main').innerText());
  const applicationUrl = page.url();
  await attachSiteFiles(page);
  await page.goto(`${applicationUrl}/review`);
  await clickAndLoad(page.locator('#submit-application'));
  assert.match(page.url(), /\/acknowledgement$/, await page.getByRole('main').innerText().then((t) => t.slice(0, 2000)));
  const reference = (await page.locator('#reference').innerText()).trim();
  return { page, applicationUrl, reference, id: applicationUrl.match(/(\d+)$/)[1] };
}

export async function takeStep(page, caseUrl, event, reason = '') {
  await page.goto(caseUrl);
  const form = page.locator(`form:has(input[name="event"][value="${event}"])`);
  assert.equal(await form.count(), 1, `the step ${event} is offered:\n${await page.getByRole('main').innerText()}`);
  if (reason) await form.locator('textarea[name="reason"]').fill(reason);
  await clickAndLoad(form.locator(`#step-${event}`));
  assert.match(page.url(), /done=step/, await page.getByRole('main').innerText());
}

const BODY_CODES = { 'Assessment Panel': 'assessment_panel', 'Approval Panel': 'approval_panel', Committee: 'committee' };

export async function assign(h, page, caseUrl, username, body) {
  await page.goto(caseUrl);
  const option = page.locator('#member option', { hasText: `${h.user(username).displayName} —` })
    .filter({ hasText: body });
  const value = await option.first().getAttribute('value');
  assert.ok(value?.endsWith(`:${BODY_CODES[body]}`), `${username} offered for ${body}`);
  await page.selectOption('#member', value);
  await clickAndLoad(page.locator('#assign-member'));
}

export async function declareNoConflict(h, page, id) {
  await page.goto(h.url(`/en/reviews/${id}/declaration`));
  await page.check('#declaration-no_conflict');
  await clickAndLoad(page.locator('#declare'));
  assert.match(page.url(), new RegExp(`/en/reviews/${id}(\\?done=declared)?$`));
}
