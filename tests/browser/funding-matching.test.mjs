// Public–private funding matching end to end (000 優先行動 2.4 優先項目 2, 2.7; 002 §3.11): an
// organisation posts a proposal; a trust keeps its profile and sees nothing until the scheme's
// secretariat lists the proposal; then the trust sees it ranked with each criterion explained,
// expresses interest and pledges. The owner sees the funders ranked for the proposal and declares
// the trust's pledge as sponsorship of its draft CCFS application, which lifts the contribution
// ratio from 0 % to exactly 5 % (§3.11.4); a brewer's pledge declared for activities for
// under-18s is refused under §3.11.3(d), and the secretariat sees the refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useHarness, clickAndLoad, REPO_ROOT, screenshotPath } from './harness.mjs';
import { signIn } from './lib/assessment.mjs';
import { register } from './lib/portal.mjs';

const h = useHarness({
  users: [
    { username: 'sec', role: 'secretariat', displayName: 'Sze Secretariat' },
    { username: 'trust', role: 'funder', displayName: 'Tam Trust' },
    { username: 'brewer', role: 'funder', displayName: 'Pak Brewer' },
  ],
});

const TITLE = 'Lai Chi Wo terraced wetland revival';

async function mainText(page) {
  return page.getByRole('main').innerText();
}

// The Lai Chi Wo demo application without its income and sponsorship: HK$3,660,800 of budget
// and nothing raised, so 5 % is HK$183,040 (§3.11.4).
function draftWithoutContribution() {
  const file = path.join(REPO_ROOT, 'data', 'demo', 'application-ma-lai-chi-wo.json');
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  document.income = [];
  document.other_funding = [];
  delete document.requested_grant;
  return Buffer.from(JSON.stringify(document));
}

async function saveProfile(page, { name, kind, declaration, themes, habitats, districts }) {
  await page.goto(h.url('/en/matching/profile'));
  await page.fill('#name', name);
  await page.check(`#kind-${kind}`);
  await page.check(`#declaration-${declaration}`);
  for (const theme of themes) await page.check(`#theme-${theme}`);
  for (const habitat of habitats) await page.check(`#habitat-${habitat}`);
  for (const district of districts) await page.check(`#district-${district}`);
  await clickAndLoad(page.locator('#save-profile'));
  assert.match(await mainText(page), /Your profile is saved/, await mainText(page));
}

async function pledge(page, proposalUrl, amount) {
  await page.goto(proposalUrl);
  await page.fill('#amount', amount);
  await page.check('#form-cash');
  await page.fill('#description', 'Guided visits and volunteers');
  await clickAndLoad(page.locator('#pledge-submit'));
  assert.match(await mainText(page), /Your pledge is recorded/, await mainText(page));
}

test('a proposal matched to a funder, a pledge declared as sponsorship and a sponsor refused', async () => {
  // The owner: an organisation with a draft CCFS application, and a proposal.
  const owner = await h.newPage();
  await register(h, owner, { username: 'owner', nameEn: 'Lai Chi Wo Friends', nameZh: '荔枝窩之友' });
  await owner.setInputFiles('#application_file', { name: 'lai-chi-wo.json', mimeType: 'application/json', buffer: draftWithoutContribution() });
  await clickAndLoad(owner.locator('#import-application'));
  const applicationId = owner.url().match(/\/applications\/(\d+)$/)?.[1];
  assert.ok(applicationId, await mainText(owner));

  await owner.goto(h.url('/en/matching'));
  await owner.fill('#title_en', TITLE);
  await owner.fill('#title_zh', '荔枝窩梯田濕地復育');
  await owner.selectOption('#habitat', 'wetland');
  await owner.selectOption('#district', 'north');
  await owner.fill('#place', 'Lai Chi Wo');
  await owner.fill('#budget', '3,660,800.00');
  await owner.fill('#duration_months', '36');
  await owner.fill('#outcomes', 'Terraces farmed again; wetland species return.');
  await owner.check('#theme-habitat_restoration');
  await owner.check('#theme-sustainable_farming');
  await owner.check('#action-2\\.4');
  await owner.check('#kmgbf-2');
  await clickAndLoad(owner.locator('#post-proposal'));
  assert.match(await mainText(owner), /Proposal posted/, await mainText(owner));
  const proposalUrl = h.url(new URL(await owner.locator('#own-proposals a', { hasText: TITLE }).getAttribute('href'), 'http://x').pathname);

  // The trust keeps its profile; the proposal is not shown to it before review.
  const trust = await signIn(h, 'trust');
  await saveProfile(trust, { name: 'Harbour Nature Trust', kind: 'trust', declaration: 'none', themes: ['habitat_restoration', 'education'], habitats: ['wetland'], districts: ['north', 'tai_po'] });
  await trust.goto(h.url('/en/matching'));
  assert.doesNotMatch(await mainText(trust), new RegExp(TITLE));
  assert.equal((await trust.goto(proposalUrl)).status(), 404);

  // The secretariat lists it.
  const sec = await signIn(h, 'sec');
  await sec.goto(proposalUrl);
  await sec.check('#decision-listed');
  await clickAndLoad(sec.locator('#review-submit'));
  assert.match(await sec.locator('#proposal-state').innerText(), /Listed for funders/);

  // Now the trust sees it ranked, each criterion explained, and pledges 5 % of the budget.
  await trust.goto(h.url('/en/matching'));
  const ranked = await trust.locator('#ranked-proposals').innerText();
  assert.match(ranked, new RegExp(TITLE), ranked);
  assert.match(ranked, /Match score 50／100/i, ranked);
  assert.match(ranked, /1 of the proposal's 2 themes are among the funder's: Habitat and ecosystem restoration \(15 of 30 points\)/, ranked);
  assert.match(ranked, /The proposal's habitat, Wetland, is one the funder named \(20 of 20 points\)/, ranked);
  assert.match(ranked, /The funder gave no budget range \(0 of 20 points\)/, ranked);
  await trust.screenshot({ path: screenshotPath('matching-ranked-for-funder.png'), fullPage: true });
  await trust.goto(proposalUrl);
  await clickAndLoad(trust.locator('#express-interest'));
  assert.match(await mainText(trust), /Your interest is recorded/);
  await pledge(trust, proposalUrl, '183,040.00');

  // A brewer, who declares the liquor trade (§3.11.3(d)), pledges too.
  const brewer = await signIn(h, 'brewer');
  await saveProfile(brewer, { name: 'Valley Brewery', kind: 'company', declaration: 'alcohol_youth', themes: ['education'], habitats: ['woodland'], districts: ['sai_kung'] });
  await pledge(brewer, proposalUrl, '10,000.00');

  // The owner sees the funders ranked for the proposal, the better match first.
  await owner.goto(proposalUrl);
  const funders = await owner.locator('#ranked-funders').innerText();
  assert.ok(funders.indexOf('Harbour Nature Trust') < funders.indexOf('Valley Brewery'), funders);
  assert.match(funders, /This funder has expressed interest in your proposal/, funders);

  // The trust's pledge declared as sponsorship: 0 % before, exactly 5 % after (§3.11.4).
  const trustPledge = owner.locator('.bsap-pledge', { hasText: 'Harbour Nature Trust' });
  await trustPledge.locator('select[name="application_id"]').selectOption(applicationId);
  await trustPledge.locator('input[name="under_18"][value="no"]').check();
  await clickAndLoad(trustPledge.locator('button[type="submit"]'));
  const declared = await mainText(owner);
  assert.match(declared, /declared as confirmed sponsorship/, declared);
  assert.match(declared, /HK\$0\.00 \(0\.00%\) before, HK\$183,040\.00 \(5\.00%\) after, of the total budget HK\$3,660,800\.00; the contribution asked for is 5% \(§3\.11\.4\)/, declared);
  await owner.goto(h.url(`/en/portal/applications/${applicationId}/parts/funding`));
  assert.equal(await owner.locator('input[value="Harbour Nature Trust"]').count(), 1, await mainText(owner));

  // The brewer's pledge for activities for under-18s is refused, with the clause and what to do.
  await owner.goto(proposalUrl);
  const brewerPledge = owner.locator('.bsap-pledge', { hasText: 'Valley Brewery' });
  await brewerPledge.locator('select[name="application_id"]').selectOption(applicationId);
  await brewerPledge.locator('input[name="under_18"][value="yes"]').check();
  await clickAndLoad(brewerPledge.locator('button[type="submit"]'));
  const summary = await owner.locator('.bsap-error-summary').innerText();
  assert.match(summary, /§3\.11\.3\(d\)/, summary);
  assert.match(summary, /Remove this sponsorship/, summary);
  await owner.screenshot({ path: screenshotPath('matching-sponsor-refused.png'), fullPage: true });

  // The secretariat sees the refusal on the proposal's page and in its list of refusals.
  await sec.goto(proposalUrl);
  assert.match(await sec.locator('#pledges ~ .bsap-pledge', { hasText: 'Valley Brewery' }).innerText(), /Refused: §3\.11\.3\(d\)/);
  await sec.goto(h.url('/en/matching'));
  const refusals = await sec.locator('#refused-sponsorships').innerText();
  assert.match(refusals, /Valley Brewery[\s\S]*§3\.11\.3\(d\)/, refusals);
});
