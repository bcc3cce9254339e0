// The applicant portal end to end (guidelines §2.3, §2.6.3, §2.7, §3): an NGO registers, uploads
// its §2.3.1 papers, fills in a management agreement application part by part, meets a blocking
// finding in the budget (a booth above 附錄2 item 4's cap), fixes it, and its person-in-charge
// submits and gets a reference number (§2.7.5). Then another organisation tries every route to
// that application and its documents and is refused (403) each time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, clickAndLoad, screenshotPath } from './harness.mjs';
import { attachSiteFiles, COMPANY_PAPERS, PDF, register as registerOrganisation, upload } from './lib/portal.mjs';

const h = useHarness({});
const shared = {};  // what the first test made, for the second

// Fills inputs by name on the current part page and saves it ("tasks" or "more" rows).
async function fillPart(page, values, then = 'tasks') {
  for (const [name, value] of Object.entries(values)) {
    const input = page.locator(`[name="${name}"]`);
    const type = await input.first().getAttribute('type');
    if (type === 'checkbox') await input.check();
    else if (type === 'radio') await page.locator(`[name="${name}"][value="${value}"]`).check();
    else if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(String(value));
  }
  await clickAndLoad(page.locator(`button[name="then"][value="${then}"]`));
}

async function openPart(page, part) {
  await page.goto(`${shared.applicationUrl}/parts/${part}`);
}

const budgetLine = (i, kind, year, quantity, unitCost, extra = {}) => ({
  [`budget[${i}].kind`]: kind, [`budget[${i}].description`]: `${kind} in year ${year}`,
  [`budget[${i}].year`]: year, [`budget[${i}].quantity`]: quantity,
  [`budget[${i}].unit_cost`]: unitCost,
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`budget[${i}].${k}`, v])),
});

test('an NGO registers, fills in an MA application, fixes a blocking finding and submits', async () => {
  const page = await h.newPage();
  await registerOrganisation(h, page, { username: 'greenfields', nameEn: 'Green Fields Conservation Limited', nameZh: '綠野保育有限公司' });

  // §2.3.1(b): the four papers of a non-profit company; a web page called .pdf is refused.
  await upload(page, 'tax_exemption_letter', 'fake.pdf', Buffer.from('<html>not a pdf</html>'));
  assert.match(await page.locator('.bsap-error-summary').innerText(), /PDF, PNG or JPEG/);
  for (const kind of COMPANY_PAPERS) await upload(page, kind, `${kind}.pdf`, PDF);
  assert.equal(await page.locator('table a[href*="/portal/documents/"]').count(), 4);
  shared.documentUrl = h.url(await page.locator('table a[href*="/portal/documents/"]').first().getAttribute('href'));

  await page.check('#type-management_agreement');
  await clickAndLoad(page.locator('#start-application'));
  shared.applicationUrl = page.url();
  assert.match(shared.applicationUrl, /\/en\/portal\/applications\/\d+$/);
  assert.match(await page.getByRole("main").innerText(), /not started/i);

  await openPart(page, 'about');
  await fillPart(page, { title: 'Shap Yi Wat wet farming', summary: 'Wet farming for dragonflies.',
    planned_start: '2027-04-01', duration_months: 24, language: 'en' });
  await openPart(page, 'declarations');
  await fillPart(page, { 'applicant.has_contract_capacity': 'yes', 'applicant.registered_under_societies_ordinance': 'no',
    'applicant.receives_government_subvention': 'no', 'person_in_charge.name': 'Chan Tai Man',
    'person_in_charge.post': 'Director', 'person_in_charge.named_in_documents': 'yes' });
  await openPart(page, 'site');
  await fillPart(page, { site_codes: 'B01', map_reference: 'DD 27 Lots 101-140' });
  await openPart(page, 'objectives');
  await fillPart(page, { objectives: 'Restore wet farming.', benefits: 'Habitat and education.' });
  await openPart(page, 'details');
  const details = await page.locator('textarea[name^="details."]').all();
  for (const detail of details) await detail.fill('As set out in the attached plan.');
  await fillPart(page, { management_agreement_evidence: true });
  await openPart(page, 'partners');
  await fillPart(page, { 'owners[0].lot_or_address': 'DD 27 Lot 101', 'owners[0].owner': 'Village Tso', 'owners[0].consent_in_principle': true });
  await openPart(page, 'funding');
  await fillPart(page, { 'income[0].description': 'Farm produce sales', 'income[0].amount': '15,000' });
  await openPart(page, 'work_plan');
  await fillPart(page, { work_plan: 'Agreements, clearing, farming, surveys.', timetable: 'Months 1-24.',
    'statutory_approvals[0].approval': 'Excavation permit', 'statutory_approvals[0].authority': 'Lands Department',
    'statutory_approvals[0].plan_and_timing': 'Apply in month 1' });
  await openPart(page, 'kpis');
  const kpis = [['Farmland managed', 'measure_effectiveness', '4 ha'], ['Dragonfly species', 'measure_effectiveness', '30 species'],
    ['Owners in agreements', 'stakeholder_participation', '12 owners'], ['Volunteer days', 'stakeholder_participation', '400 days'],
    ['Guided walks', 'public_awareness', '20 walks']];
  await fillPart(page, {}, 'more');  // five blank rows
  const kpiValues = { deliverables: 'Habitat management plan', sustainability_plan: 'Farm income covers costs from year 3.' };
  kpis.forEach(([indicator, dimension, target], i) => Object.assign(kpiValues, {
    [`kpis[${i}].indicator`]: indicator, [`kpis[${i}].dimension`]: dimension, [`kpis[${i}].target`]: target }));
  await fillPart(page, kpiValues);

  // The budget, with a booth at HK$900: 附錄2 item 4 allows HK$850 at most, so it is blocking.
  await openPart(page, 'budget');
  await fillPart(page, {}, 'more');
  await fillPart(page, {
    ...budgetLine(0, 'project_staff', 1, 1, '50000', { justification: 'Field officer' }),
    ...budgetLine(1, 'project_staff', 2, 1, '50000', { justification: 'Field officer' }),
    ...budgetLine(2, 'direct_labour', 1, 1000, '80', { justification: 'Farm workers' }),
    ...budgetLine(3, 'direct_labour', 2, 1000, '80', { justification: 'Farm workers' }),
    ...budgetLine(4, 'booth', 1, 10, '900'),
  }, 'more');
  const booth = page.locator('#budget-4-unit_cost');
  assert.match(await page.locator('.bsap-findings').innerText(), /附錄2/);
  assert.equal(await page.locator('.bsap-form-group--error #budget-4-unit_cost').count(), 1,
    'the booth line is marked with its blocking finding');
  await page.screenshot({ path: screenshotPath('portal-budget-blocking.png'), fullPage: true });
  // As the applicant types, the script asks the checker again without saving: the finding goes.
  await booth.fill('850');
  await page.waitForFunction(() => !document.getElementById('findings').textContent.includes('HK$900'));
  assert.equal(await page.evaluate(() => document.getElementById('findings').textContent.includes('附錄2 第4項')), false);
  await clickAndLoad(page.locator('button[name="then"][value="tasks"]'));

  // Grant: 268,500 − 15,000 = 253,500; 25 % before the start, 10 % retained (§5.5.1).
  await openPart(page, 'disbursement');
  await fillPart(page, {}, 'more');
  await fillPart(page, { requested_grant: '253,500',
    'disbursement_schedule[0].milestone': 'Before the start', 'disbursement_schedule[0].amount': '63375', 'disbursement_schedule[0].before_project_start': true,
    'disbursement_schedule[1].milestone': 'Inception report', 'disbursement_schedule[1].amount': '25000',
    'disbursement_schedule[2].milestone': 'Progress report 1', 'disbursement_schedule[2].amount': '69887.50',
    'disbursement_schedule[3].milestone': 'Progress report 2', 'disbursement_schedule[3].amount': '69887.50',
    'disbursement_schedule[4].milestone': 'Completion', 'disbursement_schedule[4].amount': '25350', 'disbursement_schedule[4].after_completion': true });

  // §2.7.6: the site map, a photo and the habitat map are files attached to the application.
  await page.goto(shared.applicationUrl);
  assert.match(await page.getByRole('main').innerText(), /Attachments/);
  await attachSiteFiles(page);
  assert.equal(await page.locator('#attachment-list a').count(), 3);

  await page.goto(`${shared.applicationUrl}/review`);
  const review = await page.getByRole('main').innerText();
  assert.doesNotMatch(review, /must fix/i, review);
  await clickAndLoad(page.locator('#submit-application'));
  assert.match(page.url(), /\/acknowledgement$/, await page.getByRole('main').innerText().then((t) => t.slice(0, 1500)));
  const reference = await page.locator('#reference').innerText();
  assert.match(reference, /^CCFS-\d{4}-0001$/);
  await page.screenshot({ path: screenshotPath('portal-acknowledgement.png'), fullPage: true });

  // Frozen: the parts are read-only, the portal lists the reference and the acknowledgement.
  await openPart(page, 'about');
  assert.equal(await page.locator('button[name="then"]').count(), 0);
  await page.goto(h.url('/en/portal'));
  const portal = await page.getByRole('main').innerText();
  assert.ok(portal.includes(reference), portal);
  await page.goto(`${shared.applicationUrl}/history`);
  assert.match(await page.getByRole('main').innerText(), /Budget[\s\S]*Submitted/);
  await page.context().close();
});

test('another organisation cannot reach the application or its documents by any route', async () => {
  assert.ok(shared.applicationUrl, 'the first test made an application');
  const page = await h.newPage();
  await registerOrganisation(h, page, { username: 'otherorg', nameEn: 'Other Trust Limited', nameZh: '其他信託有限公司' });
  const routes = ['', '/parts/about', '/parts/budget', '/review', '/history', '/budget.xlsx', '/acknowledgement']
    .map((suffix) => shared.applicationUrl + suffix);
  routes.push(shared.documentUrl);
  for (const url of routes) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    assert.equal(response.status(), 403, url);
    assert.doesNotMatch(await response.text(), /Shap Yi Wat|%PDF/, url);
  }
  // Posting with this user's own valid CSRF token changes nothing either.
  await page.goto(h.url('/en/portal'));
  const token = await page.locator('input[name="csrf_token"]').first().inputValue();
  for (const suffix of ['/parts/about', '/justifications', '/submit']) {
    const response = await page.request.post(shared.applicationUrl + suffix,
      { form: { csrf_token: token, revision: '1', title: 'Taken over' }, maxRedirects: 0 });
    assert.equal(response.status(), 403, suffix);
  }
  await page.context().close();
});
