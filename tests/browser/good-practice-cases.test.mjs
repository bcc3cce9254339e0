// Good-practice cases end to end (000_e0ccae9882b7fb64.txt 優先行動 2.7, item 2.7.1): an NGO
// registers and submits two cases (one placed by typing its coordinates, one by clicking the
// map); before review the public sees neither; the working group's secretariat publishes both;
// the public cases page lists both with a marker each, and its filter form (a GET form the server
// applies) narrows the list and the map's markers to the one that matches; the case's page opens
// from the list; axe-core finds no WCAG 2.2 AA violation on the cases page in any language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, clickAndLoad, screenshotPath, LANGS } from './harness.mjs';
import { axeViolations } from './lib/axe.mjs';
import { signIn, hkDay } from './lib/assessment.mjs';
import { register } from './lib/portal.mjs';

const MANGROVE = 'Ting Kok mangrove restoration';
const WOODLAND = 'Pak Tam Chung woodland enrichment';

const h = useHarness({
  users: [{ username: 'wgsec', role: 'plan_secretariat', displayName: 'Wing Working-group' }],
});

async function mainText(page) {
  return page.getByRole('main').innerText();
}


// Fills the case form and saves the draft; `place` types the coordinates, else the map is clicked.
async function describeCase(page, { titleEn, titleZh, habitat, district, place, action, target }) {
  await page.goto(h.url('/en/cases/mine'));
  await clickAndLoad(page.locator('#new-case'));
  await page.fill('#title_zh', titleZh);
  await page.fill('#title_en', titleEn);
  if (place) {
    await page.fill('#latitude', place[0]);
    await page.fill('#longitude', place[1]);
  } else {
    const map = page.locator('#case-place-map.bsap-map--active');
    await map.waitFor();
    await map.click();  // the middle of Hong Kong's extent
    assert.match(await page.inputValue('#latitude'), /^22\.\d+$/);
    assert.match(await page.inputValue('#longitude'), /^114\.\d+$/);
  }
  await page.selectOption('#district', district);
  await page.selectOption('#habitat', habitat);
  await page.selectOption('#nbs_kind', 'restoration');
  await page.fill('#work_zh', '補植本地樹苗，並由義工每季監測。');
  await page.fill('#work_en', 'Planted local seedlings, monitored by volunteers each quarter.');
  await page.fill('#outcome_0_what', 'Seedlings surviving');
  await page.fill('#outcome_0_value', '1180');
  await page.fill('#outcome_0_unit', 'seedlings');
  await page.fill('#outcome_0_on', hkDay(-30));
  await page.fill('#funding_0_source', 'Countryside Conservation Funding Scheme');
  await page.fill('#funding_0_amount', '480000');
  await page.check(`#actions-${action.replace('.', '\\.')}`);
  await page.check(`#kmgbf-${target}`);
  await page.check('#sdgs-15');
  await clickAndLoad(page.locator('#save-case'));
  assert.match(page.url(), /\/en\/cases\/\d+\?done=saved$/, await mainText(page));
  await clickAndLoad(page.locator('#submit-case'));
  assert.match(page.url(), /done=submitted/, await mainText(page));
  return page.url().replace(/\?.*$/, '');
}

test('an NGO submits two cases, the secretariat publishes them, a filter finds one on the map', async () => {
  const ngo = await h.newPage();
  await register(h, ngo, { username: 'gpngo', nameEn: 'Tolo Harbour Nature Trust', nameZh: '吐露港自然信託' });
  const mangrove = await describeCase(ngo, {
    titleEn: MANGROVE, titleZh: '汀角紅樹林修復', habitat: 'mangrove', district: 'tai_po',
    place: ['22.4745', '114.2183'], action: '1.4', target: 2,
  });
  const woodland = await describeCase(ngo, {
    titleEn: WOODLAND, titleZh: '北潭涌林地優化', habitat: 'woodland', district: 'sai_kung',
    place: null, action: '2.7', target: 8,
  });

  // Before review the public sees neither the cases nor their pages.
  const visitor = await h.newPage({ bypassCSP: true });
  await visitor.goto(h.url('/en/cases'));
  assert.doesNotMatch(await mainText(visitor), new RegExp(`${MANGROVE}|${WOODLAND}`));
  const hidden = await visitor.goto(mangrove);
  assert.equal(hidden.status(), 404);

  const secretariat = await signIn(h, 'wgsec');
  await secretariat.goto(h.url('/en/cases/review'));
  for (const title of [MANGROVE, WOODLAND]) {
    assert.match(await secretariat.locator('#submitted-cases').innerText(), new RegExp(title));
    await clickAndLoad(secretariat.locator('#submitted-cases a', { hasText: title }));
    await clickAndLoad(secretariat.locator('#publish-case'));
    assert.match(secretariat.url(), /done=published/, await mainText(secretariat));
    await secretariat.goto(h.url('/en/cases/review'));
  }

  // Published: both listed, a marker each.
  await visitor.goto(h.url('/en/cases'));
  await visitor.waitForSelector('#cases-map[data-drawn]');
  assert.equal(await visitor.locator('#case-list > li').count(), 2);
  assert.equal(await visitor.getAttribute('#cases-map', 'data-drawn'), '2');
  assert.equal(await visitor.locator('#cases-map path.leaflet-interactive').count(), 2);
  await visitor.screenshot({ path: screenshotPath('good-practice-cases.png'), fullPage: true });

  // The filter form narrows the list and the markers to the mangrove case.
  await visitor.selectOption('#habitat', 'mangrove');
  await clickAndLoad(visitor.locator('#apply-filters'));
  assert.match(visitor.url(), /[?&]habitat=mangrove/);
  await visitor.waitForSelector('#cases-map[data-drawn]');
  assert.equal(await visitor.locator('#case-list > li').count(), 1);
  assert.match(await visitor.locator('#case-list').innerText(), new RegExp(MANGROVE));
  assert.doesNotMatch(await visitor.locator('#case-list').innerText(), new RegExp(WOODLAND));
  assert.equal(await visitor.getAttribute('#cases-map', 'data-drawn'), '1');
  assert.equal(await visitor.locator('#cases-map path.leaflet-interactive').count(), 1);
  // KMGBF target 8 is the woodland case's only.
  await visitor.goto(h.url('/en/cases?kmgbf=8'));
  assert.equal(await visitor.locator('#case-list > li').count(), 1);
  assert.match(await visitor.locator('#case-list').innerText(), new RegExp(WOODLAND));

  // The case's page opens from the list, with its map and its outcome.
  await visitor.goto(h.url('/en/cases?habitat=mangrove'));
  await clickAndLoad(visitor.locator('#case-list a', { hasText: MANGROVE }));
  assert.equal(visitor.url(), mangrove);
  assert.match(await mainText(visitor), /Seedlings surviving/);
  await visitor.waitForSelector('#case-map[data-drawn="1"]');

  for (const lang of LANGS) {
    await visitor.goto(h.url(`/${lang}/cases`));
    await visitor.waitForSelector('#cases-map[data-drawn]');
    const violations = await axeViolations(visitor);
    assert.deepEqual(violations, [], `/${lang}/cases has WCAG violations:\n${violations.join('\n')}`);
  }
  await visitor.goto(mangrove);
  const violations = await axeViolations(visitor);
  assert.deepEqual(violations, [], `the case page has WCAG violations:\n${violations.join('\n')}`);
});
