// The plan working group's secretariat, on /en/tracker/departments, adds a department and makes
// a user its focal point (000_e0ccae9882b7fb64.txt 5.1): what the tracker's and the
// volunteering tests start from.
import assert from 'node:assert/strict';
import { clickAndLoad } from '../harness.mjs';

export async function addDepartment(h, page, { code, nameZh, nameEn, focalPoint }) {
  await page.goto(h.url('/en/tracker/departments'));
  await page.fill('#dept_code', code);
  await page.fill('#dept_name_zh', nameZh);
  await page.fill('#dept_name_en', nameEn);
  await page.selectOption('#dept_kind', 'department');
  await clickAndLoad(page.locator('#save-department'));
  const main = () => page.getByRole('main').innerText();
  assert.match(await page.locator('#department-list').innerText(), new RegExp(code), await main());
  const department = page.locator('#member_department option', { hasText: new RegExp(`${code}|${nameEn}`) }).first();
  await page.selectOption('#member_department', await department.getAttribute('value'));
  await page.fill('#member_username', focalPoint);
  await clickAndLoad(page.locator('#save-member'));
  assert.match(await page.locator('#department-list').innerText(), new RegExp(focalPoint), await main());
}
