// The plan tracker end to end (000_e0ccae9882b7fb64.txt 5.1, 5.2): the working group's
// secretariat sets up a department, its focal point and the items it leads; the focal point
// drafts and submits the progress of two items of action 1.1 (which serves KMGBF target 3); the
// secretariat reviews and publishes both; the public dashboard, the KMGBF target 3 page and the
// annual report for the year show them, the report with its chart and the chart's table; axe-core
// finds no WCAG 2.2 AA violation on the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, clickAndLoad, screenshotPath } from './harness.mjs';
import { axeViolations } from './lib/axe.mjs';
import { addDepartment } from './lib/departments.mjs';
import { signIn } from './lib/assessment.mjs';

const YEAR = 2026;
const ITEMS = ['1.1.1', '1.1.2'];

const h = useHarness({
  users: [
    { username: 'wgsec', role: 'plan_secretariat', displayName: 'Wing Working-group' },
    { username: 'focal', role: 'focal_point', displayName: 'Fok Focal-point' },
  ],
});

async function mainText(page) {
  return page.getByRole('main').innerText();
}

async function setUpDepartment(page) {
  await addDepartment(h, page, {
    code: 'afcd',
    nameZh: '漁農自然護理署',
    nameEn: 'Agriculture, Fisheries and Conservation Department',
    focalPoint: 'focal',
  });
  for (const item of ITEMS) {
    await page.fill('#assignment_item', item);
    const option = page.locator('#assignment_department option', { hasText: /afcd|Agriculture/ }).first();
    await page.selectOption('#assignment_department', await option.getAttribute('value'));
    await page.check('#assignment_role-lead');
    await clickAndLoad(page.locator('#save-assignment'));
    assert.match(await page.locator('#assignment-list').innerText(), new RegExp(item.replace(/\./g, '\\.')), await mainText(page));
  }
}

async function reportItem(page, item, n) {
  await page.goto(h.url(`/en/tracker?year=${YEAR}`));
  await clickAndLoad(page.locator(`a[href="/en/tracker/items/${item}/${YEAR}"]`).first());
  await page.selectOption('#status', n === 0 ? 'on_track' : 'needs_attention');
  await page.fill('#narrative_zh', `第${n + 1}項：本年度已完成基線調查。`);
  await page.fill('#narrative_en', `Item ${item}: the baseline survey was completed this year.`);
  await page.locator('#outputs input[name$="_label_en"]').first().fill('Sites surveyed');
  await page.locator('#outputs input[name$="_value"]').first().fill(String(12 + n));
  await page.locator('#outputs input[name$="_unit"]').first().fill('sites');
  await clickAndLoad(page.locator('#save-progress'));
  assert.match(await page.locator('#report-state').innerText(), /draft/i, await mainText(page));
  await clickAndLoad(page.locator('#submit-progress'));
  assert.match(await page.locator('#report-state').innerText(), /submitted|Submitted/i, await mainText(page));
}

async function publishItem(page, item) {
  await page.goto(h.url(`/en/tracker/items/${item}/${YEAR}`));
  await clickAndLoad(page.locator('#review-progress'));
  assert.match(await page.locator('#report-state').innerText(), /reviewed/i, await mainText(page));
  await clickAndLoad(page.locator('#publish-progress'));
  assert.match(await page.locator('#report-state').innerText(), /published/i, await mainText(page));
}


test('a focal point reports two items, the secretariat publishes, the public sees them', async () => {
  const secretariat = await signIn(h, 'wgsec');
  await setUpDepartment(secretariat);

  const focal = await signIn(h, 'focal');
  for (const [n, item] of ITEMS.entries()) await reportItem(focal, item, n);
  // Before publication the public sees nothing of it.
  // bypassCSP lets the axe script in; the pages themselves keep their policy.
  const visitor = await h.newPage({ bypassCSP: true });
  await visitor.goto(h.url(`/en/dashboard?year=${YEAR}`));
  assert.doesNotMatch(await mainText(visitor), /baseline survey was completed/);

  await secretariat.goto(h.url(`/en/tracker/review?year=${YEAR}`));
  for (const item of ITEMS) assert.match(await mainText(secretariat), new RegExp(item.replace(/\./g, '\\.')));
  for (const item of ITEMS) await publishItem(secretariat, item);

  const dashboard = await visitor.goto(h.url(`/en/dashboard?year=${YEAR}`));
  assert.equal(dashboard.status(), 200);
  const dashboardText = await mainText(visitor);
  assert.match(dashboardText, /81/);
  const cards = await visitor.locator('.bsap-summary-card').allInnerTexts();
  assert.ok(cards.some((card) => /^2\s/.test(card.trim()) && /published/i.test(card)), cards.join(' | '));
  await visitor.screenshot({ path: screenshotPath('plan-dashboard.png'), fullPage: true });
  const violations = await axeViolations(visitor);
  assert.deepEqual(violations, [], `the dashboard has WCAG violations:\n${violations.join('\n')}`);

  // Action 1.1 serves target 3: one item on track and one needing attention make it need
  // attention, with both of its items reported.
  await visitor.goto(h.url('/en/plan/kmgbf/3'));
  const target = await mainText(visitor);
  assert.match(target, new RegExp(`${YEAR}`), target);
  const row = visitor.locator('tr', { has: visitor.locator('a[href="/en/plan/actions/1.1"]') }).last();
  assert.match(await row.innerText(), /Needs attention/i, target);
  assert.match(await row.innerText(), /2\s*\/\s*2|2 of 2/, await row.innerText());

  const report = await visitor.goto(h.url(`/en/reports/annual/${YEAR}`));
  assert.equal(report.status(), 200);
  const reportText = await mainText(visitor);
  assert.match(reportText, new RegExp(String(YEAR)));
  assert.match(reportText, /baseline survey was completed this year/);
  const chart = visitor.locator('[data-chart]').first();
  assert.equal(await chart.count(), 1, 'the report has a chart');
  await visitor.waitForSelector('[data-chart] canvas, [data-chart] svg', { timeout: 10_000 });
  const table = visitor.locator('figure.bsap-chart', { has: chart }).locator('table');
  assert.equal(await table.count(), 1, 'the chart has its table');
  assert.match(await table.innerText(), /On track/i);
  await visitor.screenshot({ path: screenshotPath('plan-annual-report.png'), fullPage: true });
});
