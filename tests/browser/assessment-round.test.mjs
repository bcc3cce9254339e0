// One application round end to end (guidelines §2.6, §4.1, §5.17): the secretariat opens a round;
// two organisations import and submit their applications; the secretariat screens both and asks
// each for information; one answers, the other does not and is deemed withdrawn by the scheduled
// job on the 15th day (day 14 still open, §2.6.4); two assessment panel members declare no
// conflict and score; the approval panel and the committee follow; the committee approves; the
// project appears on the public list (§4.1.3) and in the 360Giving export, which validates against
// the standard's schema. The applicant sees the decision, never the scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, clickAndLoad, screenshotPath } from './harness.mjs';
import { assign as assignAs, declareNoConflict as declareAs, hkDay, signIn as signInAs,
  submitApplication as submitAs, takeStep } from './lib/assessment.mjs';
import { validate360Giving, describeErrors } from './lib/validate-360giving.mjs';

const h = useHarness({
  users: [
    { username: 'officer', role: 'secretariat' },
    { username: 'assessor1', role: 'assessment_panel' },
    { username: 'assessor2', role: 'assessment_panel' },
    { username: 'approver1', role: 'approval_panel' },
    { username: 'member1', role: 'committee' },
  ],
});

const SCORE_COMMENT = 'Strong monitoring design, panel-only remark';

const signIn = (username) => signInAs(h, username);
const submitApplication = (options) => submitAs(h, options);
const assign = (page, caseUrl, username, body) => assignAs(h, page, caseUrl, username, body);
const declareNoConflict = (page, id) => declareAs(h, page, id);

async function scoreAll(page, id, score, recommendation) {
  await page.goto(h.url(`/en/reviews/${id}`));
  const groups = page.locator('form:has(#save-scores) fieldset.bsap-group');
  const count = await groups.count();
  assert.ok(count >= 7, `at least (a) and (b)–(g) to score, found ${count}`);
  for (let i = 0; i < count; i += 1) {
    await groups.nth(i).locator(`input[type="radio"][value="${score}"]`).check();
    await groups.nth(i).locator('textarea').fill(SCORE_COMMENT);
  }
  await page.locator(`input[name="recommendation"][value="${recommendation}"]`).check();
  await clickAndLoad(page.locator('#save-scores'));
  assert.doesNotMatch(await page.getByRole('main').innerText(), /There is a problem/);
}

test('one round: two submissions, a request answered, one deemed withdrawn, scoring, approval, publication', async () => {
  // The secretariat opens the round that is open today.
  const officer = await signIn('officer');
  await officer.goto(h.url('/en/assessment'));
  await officer.fill('#name_zh', '測試輪次');
  await officer.fill('#name_en', 'Test round');
  await officer.fill('#opens_on', hkDay(-1));
  await officer.fill('#closes_on', hkDay(30));
  await clickAndLoad(officer.locator('#open-round'));
  assert.match(await officer.locator('#rounds').innerText(), /Test round/);

  const answered = await submitApplication({ username: 'laichiwo', nameEn: 'Lai Chi Wo Farmers Limited',
    nameZh: '荔枝窩農友有限公司', file: 'application-ma-lai-chi-wo.json' });
  const silent = await submitApplication({ username: 'solopun', nameEn: 'So Lo Pun Heritage Limited',
    nameZh: '鎖羅盆文化有限公司', file: 'application-cultural-so-lo-pun.json' });

  await officer.goto(h.url('/en/assessment'));
  const dashboard = await officer.locator('#applications').innerText();
  assert.ok(dashboard.includes(answered.reference) && dashboard.includes(silent.reference), dashboard);
  assert.match(dashboard, /Test round/);

  // Screening, and a request for information to each (§2.6.4).
  const caseUrl = (app) => h.url(`/en/assessment/applications/${app.id}`);
  for (const app of [answered, silent]) {
    await takeStep(officer, caseUrl(app), 'begin_screening');
    await takeStep(officer, caseUrl(app), 'request_information', 'Please send the landowners\' consent letters.');
  }

  // The first answers on its assessment page.
  await answered.page.goto(`${answered.applicationUrl}/assessment`);
  assert.match(await answered.page.locator('#open-request').innerText(), new RegExp(hkDay(14)));
  await answered.page.fill('#answer', 'The consent letters are attached to our documents.');
  await clickAndLoad(answered.page.locator('#send-answer'));
  assert.equal(await answered.page.locator('#assessment-state').getAttribute('data-state'), 'screening');

  // The second does not: on day 14 it is still open, on day 15 it is deemed withdrawn.
  h.run(['jobs', 'run', '--on', hkDay(14)]);
  await silent.page.goto(`${silent.applicationUrl}/assessment`);
  assert.equal(await silent.page.locator('#assessment-state').getAttribute('data-state'), 'information_requested');
  assert.match(h.run(['jobs', 'run', '--on', hkDay(15)]), /1 request\(s\) for information lapsed/);
  await silent.page.goto(`${silent.applicationUrl}/assessment`);
  assert.equal(await silent.page.locator('#assessment-state').getAttribute('data-state'), 'deemed_withdrawn');
  await silent.page.goto(h.url('/en/portal'));
  assert.match(await silent.page.getByRole('main').innerText(), /deemed withdrawn/i);

  // The assessment panel: two members declare and score (§4.1.1, §5.17).
  await takeStep(officer, caseUrl(answered), 'refer_to_assessment_panel');
  await assign(officer, caseUrl(answered), 'assessor1', 'Assessment Panel');
  await assign(officer, caseUrl(answered), 'assessor2', 'Assessment Panel');
  await assign(officer, caseUrl(answered), 'approver1', 'Approval Panel');
  await assign(officer, caseUrl(answered), 'member1', 'Committee');
  for (const [username, score] of [['assessor1', '4'], ['assessor2', '3']]) {
    const member = await signIn(username);
    // Before declaring, the application is closed to the member.
    const closed = await member.request.get(h.url(`/en/reviews/${answered.id}`), { maxRedirects: 0 });
    assert.equal(closed.status(), 403);
    await declareNoConflict(member, answered.id);
    await scoreAll(member, answered.id, score, 'support');
    await member.context().close();
  }
  await officer.goto(caseUrl(answered));
  await takeStep(officer, caseUrl(answered), 'refer_to_approval_panel', 'Both members support it; mean 3.5.');
  await takeStep(officer, caseUrl(answered), 'refer_to_committee', 'The approval panel recommends approval.');

  // The committee approves (§4.1.2).
  const committee = await signIn('member1');
  await declareNoConflict(committee, answered.id);
  const results = await committee.getByRole('main').innerText();
  assert.match(results, /3\.5/, 'the committee sees the panel\'s mean score');
  await committee.check('input[name="decision"][value="approve"]');
  await committee.fill('#amount', '500,000.00');
  await committee.fill('#duration_months', '24');
  await committee.fill('#conditions', 'Inception report within one month (§5.1.2).');
  await clickAndLoad(committee.locator('#record-decision'));
  assert.match(await committee.locator("#state").innerText(), /approved/i);
  await committee.screenshot({ path: screenshotPath('assessment-committee.png'), fullPage: true });

  // The applicant sees the decision and nothing of the scores or comments.
  await answered.page.goto(`${answered.applicationUrl}/assessment`);
  const decision = await answered.page.getByRole('main').innerText();
  assert.match(decision, /approved/i);
  assert.match(decision, /500,000\.00/);
  assert.doesNotMatch(decision, new RegExp(SCORE_COMMENT));

  // The scores as CSV, per criterion and member.
  await officer.goto(h.url('/en/assessment'));
  const csvHref = await officer.locator('#rounds a', { hasText: 'scores' }).first().getAttribute('href');
  const csv = await (await officer.request.get(h.url(csvHref))).text();
  assert.ok(csv.includes(answered.reference) && csv.includes('Assessor1 Test') && csv.includes('Assessor2 Test'), csv.slice(0, 500));

  // The public list and the open data (§4.1.3).
  const visitor = await h.newPage();
  await visitor.goto(h.url('/en/grants'));
  const list = await visitor.getByRole('main').innerText();
  assert.match(list, /Lai Chi Wo Farmers Limited/);
  assert.doesNotMatch(list, /So Lo Pun Heritage Limited/);
  const open = await (await visitor.request.get(h.url('/open-data/ccfs-grants.json'))).json();
  const { valid, errors } = validate360Giving(open);
  assert.ok(valid, describeErrors(errors));
  assert.ok(open.grants.some((grant) => grant.id === `360G-hkccfs-${answered.reference}` && grant.amountAwarded === 500000),
    JSON.stringify(open.grants.map((g) => [g.id, g.amountAwarded])));
  const exported = JSON.parse(h.run(['grants', 'export', '--format', '360giving']));
  assert.deepEqual(exported.grants.map((g) => g.id), open.grants.map((g) => g.id));

  // Every step is in the audit log, whose chain still verifies.
  assert.match(h.run(['audit', 'verify']), /intact|ok/i);
  for (const page of [officer, answered.page, silent.page, committee, visitor]) await page.context().close();
});
