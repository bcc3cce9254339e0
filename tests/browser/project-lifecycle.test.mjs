// A funded project from the committee's approval to the close-out (guidelines §5): the
// secretariat opens the project with its §5.5.1 schedule; the grantee uploads the bank statement
// and the secretariat confirms the agreement (§5.1.1); the first part is paid; the inception
// report and two progress reports are submitted and accepted, each releasing its instalment
// (§5.1.2, §5.8.1); a purchase with three quotations (§5.13.2(c)); a 15 % item increase approved
// in advance (§5.5.3); spending against the items; the completion report accepted; the
// settlement shows the unspent funds to return (§5.5.7); the refund is recorded and the project
// closed, its records kept seven years (§5.9.1). The payment history matches the schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, clickAndLoad, screenshotPath } from './harness.mjs';
import { assign, declareNoConflict, signIn, submitApplication, takeStep } from './lib/assessment.mjs';
import { PDF, upload } from './lib/portal.mjs';

const h = useHarness({
  users: [
    { username: 'officer', role: 'secretariat' },
    { username: 'member1', role: 'committee' },
  ],
});

// The first day of the month `months` months before Hong Kong's today: a project of 18 months
// started 19 months ago has finished, so every report is due or overdue and the grantee may
// submit each.
function monthStart(monthsAgo) {
  const now = new Date(Date.now() + 8 * 3600_000);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  return start.toISOString().slice(0, 10);
}

function hkd(text) {
  return Number(text.replace(/[^0-9.-]/g, ''));
}

async function mainText(page) {
  return page.getByRole('main').innerText();
}

// The grantee submits the report whose form names `kind`, with its statement of accounts.
async function submitReport(page, projectUrl, kind, summary) {
  await page.goto(projectUrl);
  const form = page.locator('form[id$="-form"]', { has: page.locator('legend', { hasText: kind }) });
  assert.equal(await form.count(), 1, `a form for the ${kind}:\n${(await mainText(page)).slice(0, 3000)}`);
  await form.locator('textarea[name="summary"]').fill(summary);
  await form.locator('input[name="spent_to_date"]').fill('100,000.00');
  await form.locator('input[name="forecast"]').fill('200,000.00');
  await form.locator('input[type="file"]').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: PDF });
  await clickAndLoad(form.locator('button[type="submit"]'));
  assert.match(page.url(), /done=/, (await mainText(page)).slice(0, 3000));
}

// The secretariat accepts the submitted report whose review names `kind`.
async function accept(page, projectUrl, kind) {
  await page.goto(projectUrl);
  const fieldset = page.locator('fieldset[id^="review-"]', { has: page.locator('legend', { hasText: kind }) });
  assert.equal(await fieldset.count(), 1, `a review of the ${kind}`);
  await fieldset.locator('input[value="accept"]').check();
  await clickAndLoad(fieldset.locator('button[type="submit"]'));
  assert.match(page.url(), /done=/, (await mainText(page)).slice(0, 3000));
}

async function release(page, projectUrl, number) {
  await page.goto(projectUrl);
  await clickAndLoad(page.locator(`#release-${number}`));
  assert.match(page.url(), /done=/, (await mainText(page)).slice(0, 3000));
}

async function spend(page, projectUrl, itemNo, amount, date, description) {
  await page.goto(projectUrl);
  await page.selectOption('#expenditure_item', String(itemNo));
  await page.fill('#expenditure_date', date);
  await page.fill('#expenditure_amount', amount);
  await page.fill('#expenditure_description', description);
  await page.setInputFiles('#expenditure_receipt', { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
  await clickAndLoad(page.locator('#record-expenditure'));
}

// The schedule as the page shows it: planned and paid per instalment.
async function schedule(page, projectUrl) {
  await page.goto(projectUrl);
  return page.locator('#schedule-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
    number: row.querySelector('th').textContent.trim(),
    planned: row.querySelectorAll('td')[1].textContent.trim(),
    paid: row.querySelector('.project-released')?.textContent.trim() ?? '',
  })));
}

test('a funded project from the agreement to the close-out', async () => {
  // An application approved by the committee: HK$300,000 over 18 months (§4.1.2).
  const grantee = await submitApplication(h, { username: 'solopun', nameEn: 'So Lo Pun Heritage Limited',
    nameZh: '鎖羅盆文化有限公司', file: 'application-cultural-so-lo-pun.json' });
  const officer = await signIn(h, 'officer');
  const caseUrl = h.url(`/en/assessment/applications/${grantee.id}`);
  for (const event of ['begin_screening', 'refer_to_assessment_panel', 'refer_to_approval_panel', 'refer_to_committee'])
    await takeStep(officer, caseUrl, event, event.endsWith('_panel') && event !== 'refer_to_assessment_panel' || event === 'refer_to_committee' ? 'Recommended.' : '');
  await assign(h, officer, caseUrl, 'member1', 'Committee');
  const committee = await signIn(h, 'member1');
  await declareNoConflict(h, committee, grantee.id);
  await committee.check('input[name="decision"][value="approve"]');
  await committee.fill('#amount', '300,000.00');
  await committee.fill('#duration_months', '18');
  await clickAndLoad(committee.locator('#record-decision'));
  assert.match(await committee.locator('#state').innerText(), /approved/i);
  await committee.context().close();

  // The secretariat opens the project: 25 % first share (§5.5.1).
  const start = monthStart(19);
  await officer.goto(h.url('/en/projects'));
  await officer.fill(`#start_on-${grantee.id}`, start);
  await officer.fill(`#first_share-${grantee.id}`, '25');
  await clickAndLoad(officer.locator(`#open-button-${grantee.id}`));
  assert.match(officer.url(), new RegExp(`/en/projects/${grantee.id}\\?done=opened`), await mainText(officer));
  const projectUrl = h.url(`/en/projects/${grantee.id}`);
  const planned = await schedule(officer, projectUrl);
  // 25 % = 75,000.00 on the agreement; 10 % = 30,000.00 retained; the balance of 195,000.00 in
  // two equal instalments, one per progress report (18 months: reports at 6 and 12).
  assert.deepEqual(planned.map((row) => hkd(row.planned)), [75000, 97500, 97500, 30000]);

  // §5.1.1: the grantee's bank statement, then the agreement.
  await grantee.page.goto(h.url('/en/portal'));
  await upload(grantee.page, 'bank_statement', 'bank-statement.pdf', PDF);
  await officer.goto(projectUrl);
  await officer.fill('#signed_on', monthStart(20));
  await officer.selectOption('#bank_statement', { index: 1 });
  await clickAndLoad(officer.locator('#sign-agreement'));
  assert.match(await officer.locator('#project-state').innerText(), /active/i, await mainText(officer));
  await release(officer, projectUrl, 1);

  // Instalment 2 waits for progress report 1 (§5.8.1): refused before it is accepted.
  await officer.goto(projectUrl);
  assert.equal(await officer.locator('#release-2').count(), 1);
  await clickAndLoad(officer.locator('#release-2'));
  assert.match(await mainText(officer), /§5\.5\.1/);

  await submitReport(grantee.page, projectUrl, 'Inception report', 'Plan, team chart and partners (§5.1.2).');
  await accept(officer, projectUrl, 'Inception report');

  // §5.13.2(c): a purchase of HK$60,000 takes three quotations; two are refused.
  await grantee.page.goto(projectUrl);
  await grantee.page.fill('#purchase_description', 'Exhibition stands and display cases');
  await grantee.page.fill('#purchase_value', '60,000.00');
  const quotations = [['Sha Tau Kok Joinery', '60,000.00'], ['Fanling Display Co', '64,500.00'], ['Tai Po Fittings', '61,200.00']];
  for (const [index, [supplier, amount]] of quotations.slice(0, 2).entries()) {
    await grantee.page.fill(`#supplier_${index + 1}`, supplier);
    await grantee.page.fill(`#quotation_${index + 1}`, amount);
  }
  await grantee.page.check('#purchase_chosen-1');
  await clickAndLoad(grantee.page.locator('#record-purchase'));
  assert.match(await mainText(grantee.page), /§5\.13\.2\(c\)/);
  await grantee.page.fill('#supplier_3', quotations[2][0]);
  await grantee.page.fill('#quotation_3', quotations[2][1]);
  await grantee.page.check('#purchase_chosen-1');
  await clickAndLoad(grantee.page.locator('#record-purchase'));
  assert.match(grantee.page.url(), /done=/, (await mainText(grantee.page)).slice(0, 3000));
  const purchases = await grantee.page.locator('#purchase-table').innerText();
  for (const [supplier] of quotations) assert.match(purchases, new RegExp(supplier));

  // §5.5.3: item 5 (posters and leaflets, HK$20,000.00) may take 15 % more with the
  // secretariat's prior approval; without it, one cent over its amount is refused.
  const day = (n) => `${start.slice(0, 8)}${String(n).padStart(2, '0')}`;
  await spend(grantee.page, projectUrl, 1, '100,000.00', day(11), 'Cultural officer, months 1–5');
  assert.match(grantee.page.url(), /done=/, (await mainText(grantee.page)).slice(0, 3000));
  await spend(grantee.page, projectUrl, 5, '20,000.01', day(12), 'Posters, first print run');
  assert.match(await mainText(grantee.page), /§5\.5\.3/);
  await officer.goto(projectUrl);
  await officer.selectOption('#increase_item', '5');
  await officer.fill('#increase_amount', '3,000.00');
  await officer.fill('#increase_reason', 'A second print run for the harvest festival.');
  await clickAndLoad(officer.locator('#approve-increase'));
  assert.match(officer.url(), /done=/, (await mainText(officer)).slice(0, 3000));
  await spend(grantee.page, projectUrl, 5, '23,000.00', day(12), 'Posters, two print runs');
  assert.match(grantee.page.url(), /done=/, (await mainText(grantee.page)).slice(0, 3000));

  // Two progress reports, each releasing its instalment.
  for (const n of [1, 2]) {
    await submitReport(grantee.page, projectUrl, `Progress report ${n}`, `Half-year ${n}: oral histories recorded.`);
    await accept(officer, projectUrl, `Progress report ${n}`);
    await release(officer, projectUrl, n + 1);
  }

  // The completion report completes the project; HK$270,000.00 paid, HK$123,000.00 spent: the
  // settlement asks for HK$147,000.00 back (§5.5.7) and the retention is not paid.
  await submitReport(grantee.page, projectUrl, 'Completion report', 'The harvest year is documented.');
  await accept(officer, projectUrl, 'Completion report');
  await officer.goto(projectUrl);
  assert.match(await officer.locator('#project-state').innerText(), /completed/i);
  const settlement = await officer.locator('#settlement-box').innerText();
  assert.match(settlement, /123,000\.00/);
  assert.match(settlement, /270,000\.00/);
  assert.match(settlement, /147,000\.00/);
  await clickAndLoad(officer.locator('#close-project'));
  assert.match(await mainText(officer), /§5\.5\.7/);
  await officer.fill('#refund_amount', '147,000.00');
  await officer.fill('#refund_date', monthStart(0));
  await officer.fill('#refund_note', 'Cheque 004512');
  await clickAndLoad(officer.locator('#record-refund'));
  assert.match(officer.url(), /done=/, (await mainText(officer)).slice(0, 3000));
  await clickAndLoad(officer.locator('#close-project'));
  assert.match(await officer.locator('#project-state').innerText(), /closed/i, (await mainText(officer)).slice(0, 3000));
  await officer.screenshot({ path: screenshotPath('project-closed.png'), fullPage: true });

  // The payment history: instalments 1–3 paid exactly as planned, the retention not paid, the
  // refund recorded; the records are kept seven years after completion (§5.9.1).
  const paid = await schedule(grantee.page, projectUrl);
  assert.deepEqual(paid.map((row) => [hkd(row.planned), row.paid ? hkd(row.paid) : null]),
    [[75000, 75000], [97500, 97500], [97500, 97500], [30000, null]]);
  const page = await mainText(grantee.page);
  assert.match(page, /Cheque 004512/);
  const completion = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + 18, 0));
  const monthDay = completion.toISOString().slice(5, 10);
  const keptUntil = `${completion.getUTCFullYear() + 7}-${monthDay === '02-29' ? '02-28' : monthDay}`;
  assert.match(page, new RegExp(keptUntil), `records kept until ${keptUntil}`);

  // Every step is in the audit log, whose chain still verifies.
  assert.match(h.run(['audit', 'verify']), /intact|ok/i);
  for (const p of [officer, grantee.page]) await p.context().close();
});
