// Volunteering end to end (issue 11; 000_e0ccae9882b7fb64.txt 優先行動 2.2 item 1: 義工計劃): the
// plan's secretariat makes a department with its focal point; the focal point submits a
// programme, which the public cannot see; the secretariat publishes it; the focal point adds an
// event with one place; one volunteer takes it, a second joins the waiting list and takes the
// place when the first cancels; the organiser sees who signed up, the public does not; the
// programmes page is public in the three languages and axe-core finds no WCAG 2.2 AA violation
// on it or on the event's page. (Attendance needs the event's day to have come; the HTTP test
// tests/web/volunteering_pages_test.cpp records it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, clickAndLoad, screenshotPath, LANGS } from './harness.mjs';
import { axeViolations } from './lib/axe.mjs';
import { addDepartment } from './lib/departments.mjs';
import { signIn, hkDay } from './lib/assessment.mjs';

const h = useHarness({
  users: [
    { username: 'wgsec', role: 'plan_secretariat', displayName: 'Wing Working-group' },
    { username: 'ranger', role: 'focal_point', displayName: 'Rita Ranger' },
    { username: 'ada', role: 'contributor', displayName: 'Ada Volunteer' },
    { username: 'ben', role: 'contributor', displayName: 'Ben Volunteer' },
  ],
});

async function mainText(page) {
  return page.getByRole('main').innerText();
}

test('a programme is published, its event fills, and a cancelled place goes to the first waiting', async () => {
  const secretariat = await signIn(h, 'wgsec');
  await addDepartment(h, secretariat, {
    code: 'afcd',
    nameZh: '漁農自然護理署',
    nameEn: 'Agriculture, Fisheries and Conservation Department',
    focalPoint: 'ranger',
  });

  const ranger = await signIn(h, 'ranger');
  await ranger.goto(h.url('/en/observations/programmes/new'));
  await ranger.fill('#title_zh', '濕地公園義工計劃');
  await ranger.fill('#title_en', 'Wetland Park Volunteer Programme');
  await ranger.fill('#summary_en', 'Guiding visitors and clearing the reed beds.');
  await ranger.selectOption('#item_id', '2.2.1');
  await clickAndLoad(ranger.locator('#submit-programme'));
  const programme = ranger.url();
  assert.match(programme, /\/en\/observations\/programmes\/\d+$/, await mainText(ranger));
  assert.match(await ranger.locator('#programme-state').innerText(), /Awaiting review/);

  // Nothing an organiser submits is public before the secretariat's review.
  // bypassCSP lets the axe script in; the pages themselves keep their policy.
  const visitor = await h.newPage({ bypassCSP: true });
  assert.equal((await visitor.goto(programme)).status(), 404);

  await secretariat.goto(programme);
  await secretariat.check('#decision-publish');
  await clickAndLoad(secretariat.locator('#submit-review'));
  assert.match(await secretariat.locator('#programme-state').innerText(), /Published/);
  assert.equal((await visitor.goto(programme)).status(), 200);

  await ranger.goto(programme);
  await ranger.fill('#event_title_en', 'Reed bed clean-up');
  await ranger.fill('#held_on', hkDay(7));
  await ranger.fill('#starts_at', '09:00');
  await ranger.fill('#ends_at', '12:30');
  await ranger.fill('#place_en', 'Hong Kong Wetland Park');
  await ranger.fill('#places', '1');
  await clickAndLoad(ranger.locator('#add-event'));
  const event = ranger.url();
  assert.match(event, /\/en\/observations\/events\/\d+$/, await mainText(ranger));

  const ada = await signIn(h, 'ada');
  await ada.goto(event);
  await clickAndLoad(ada.locator('#sign-up-button'));
  assert.match(await ada.locator('#my-state').innerText(), /Confirmed/);
  const ben = await signIn(h, 'ben');
  await ben.goto(event);
  assert.match(await ben.locator('#sign-up-button').innerText(), /waiting list/i);
  await clickAndLoad(ben.locator('#sign-up-button'));
  assert.match(await ben.locator('#my-state').innerText(), /waiting list/i);

  await ranger.goto(event);
  const list = await ranger.locator('#sign-up-list').innerText();
  assert.match(list, /Ada Volunteer/);
  assert.match(list, /Ben Volunteer/);
  await visitor.goto(event);
  assert.doesNotMatch(await visitor.content(), /Ada Volunteer|Ben Volunteer/);

  await ada.goto(event);
  await clickAndLoad(ada.locator('#cancel-sign-up'));
  await ben.goto(event);
  assert.match(await ben.locator('#my-state').innerText(), /Confirmed/);
  await ben.goto(h.url('/en/observations/programmes/mine'));
  assert.match(await ben.locator('#my-sign-ups').innerText(), /Reed bed clean-up/);

  for (const lang of LANGS) {
    await visitor.goto(h.url(`/${lang}/observations/programmes`));
    assert.match(await visitor.locator('#programme-list').innerText(), /濕地公園義工計劃|濕地公园义工计划|湿地公园义工计划|Wetland Park/);
    assert.deepEqual(await axeViolations(visitor), [], `${lang} programmes page`);
  }
  await visitor.goto(event);
  assert.deepEqual(await axeViolations(visitor), [], 'event page');
  const organiserView = await h.newPage({ bypassCSP: true });
  await h.login(organiserView, 'ranger');
  await organiserView.goto(event);
  assert.deepEqual(await axeViolations(organiserView), [], "organiser's event page");
  await visitor.goto(h.url('/en/observations/programmes'));
  await visitor.screenshot({ path: screenshotPath('volunteering.png'), fullPage: true });
});
