// Citizen science end to end (issue 11; 000_e0ccae9882b7fb64.txt 優先行動 2.2 item 1, 3.5), on the
// demo data (`bsap demo load`: the hub's checklist with Hong Kong cascade frog, Quasipaa spinosa,
// generalised to 0.01° for the public, and its demonstration areas). The demo contributor submits
// an observation of the frog, with a phone's photograph, at a precise place in the Tai Po Kau
// square; the public cannot see it before review; the demo verifier verifies it; the public then
// sees it with its place generalised to the centre of its 0.01° cell, never the precise point,
// its photograph without EXIF, the list's map draws it there, and the square's page counts one
// more record of the frog. The verifier's species field offers the hub's taxa matching its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useHarness, clickAndLoad, screenshotPath, REPO_ROOT } from './harness.mjs';
import { hkDay } from './lib/assessment.mjs';

const h = useHarness({ users: [] });
const DEMO_PASSWORD = 'bsap-demo-2026';
const AREA = '/en/areas/demo_areas/TPK';
const PRECISE = { lat: '22.432198', lon: '114.181234' };
// The centre of the 0.01° cell that holds the point.
const GENERALISED = '22.435, 114.185';

async function frogRecordsInArea(page) {
  await page.goto(h.url(AREA));
  const row = page.locator('tr', { hasText: 'Quasipaa spinosa' });
  if ((await row.count()) === 0) return 0;
  return Number((await row.locator('td.bsap-table__cell--numeric').innerText()).replace(/,/g, ''));
}

test('a sensitive observation is hidden until verified, then public generalised and counted in its area', async () => {
  h.run(['demo', 'load', '--force']);
  for (const username of ['citizen', 'verifier'])
    h.users.set(username, { username, password: DEMO_PASSWORD, role: username });
  const visitor = await h.newPage();
  const before = await frogRecordsInArea(visitor);

  const citizen = await h.newPage();
  await h.login(citizen, 'citizen');
  await citizen.goto(h.url('/en/observations/new'));
  await citizen.fill('#species', 'Quasipaa spinosa');
  await citizen.fill('#latitude', PRECISE.lat);
  await citizen.fill('#longitude', PRECISE.lon);
  await citizen.fill('#observed_on', hkDay(-1));
  await citizen.fill('#individual_count', '2');
  await citizen.fill('#notes', 'Calling under the bridge');
  // A phone's photograph with an EXIF GPS position: served only re-encoded, without it.
  await citizen.setInputFiles('#photo', path.join(REPO_ROOT, 'fuzz/corpus/photo/exif_gps_orientation6.jpg'));
  await clickAndLoad(citizen.locator('#submit-observation'));
  const url = citizen.url();
  assert.match(url, /\/en\/observations\/\d+$/, await citizen.getByRole('main').innerText());
  assert.match(await citizen.locator('#observation-place').innerText(), new RegExp(PRECISE.lat));
  assert.match(await citizen.locator('#observation-state').innerText(), /Awaiting review/);

  // Moderation: nothing the public submitted is public before review.
  const hidden = await visitor.goto(url);
  assert.equal(hidden.status(), 404);

  const verifier = await h.newPage();
  await h.login(verifier, 'verifier');
  await verifier.goto(url);
  assert.match(await verifier.locator('#observation-place').innerText(), new RegExp(PRECISE.lat));
  await verifier.check('#decision-verified');
  // The species field's choice list offers the hub's taxa matching what is typed
  // (species-names.js); the server lists only the taxa the observation names.
  await verifier.fill('#review_species', 'Paramesotriton');
  await verifier.waitForSelector('#species-names option[value^="Paramesotriton hongkongensis"]',
    { state: 'attached' });
  await verifier.fill('#review_species', 'Quasipaa spinosa');
  await verifier.fill('#review_note', 'The spiny chest is clear');
  await clickAndLoad(verifier.locator('#submit-review'));
  assert.match(await verifier.locator('#observation-state').innerText(), /Verified/);

  const shown = await visitor.goto(url);
  assert.equal(shown.status(), 200);
  const place = await visitor.locator('#observation-place').innerText();
  assert.match(place, new RegExp(GENERALISED.replace(/\./g, '\\.')));
  assert.doesNotMatch(await visitor.content(), new RegExp(PRECISE.lat.replace(/\./g, '\\.')));
  assert.doesNotMatch(await visitor.content(), /under the bridge/);
  assert.match(await visitor.locator('#observation-state').innerText(), /Research grade/);
  const photo = await visitor.locator('.bsap-photo a').first().getAttribute('href');
  const served = await visitor.request.get(h.url(photo));
  assert.equal(served.status(), 200);
  assert.equal(served.headers()['content-type'], 'image/jpeg');
  assert.ok(!(await served.body()).includes('Exif'), 'the served photograph keeps no EXIF');
  await visitor.screenshot({ path: screenshotPath('citizen-science-public.png'), fullPage: true });

  // The list's map draws the observation at its generalised place only.
  await visitor.goto(h.url('/en/observations'));
  await visitor.waitForSelector('#observations-map[data-drawn]');
  assert.ok(Number(await visitor.locator('#observations-map').getAttribute('data-drawn')) >= 1);
  const item = visitor.locator(`#published-list li[data-href="${new URL(url).pathname}"]`);
  const [lat, lon] = GENERALISED.split(', ');
  assert.equal(await item.getAttribute('data-lat'), lat);
  assert.equal(await item.getAttribute('data-lon'), lon);
  assert.doesNotMatch(await visitor.content(), new RegExp(PRECISE.lat.replace(/\./g, '\\.')));

  assert.equal(await frogRecordsInArea(visitor), before + 1);
});
