// What the portal's browser tests do again and again, the way an applicant does it: register an
// organisation from the sign-in page, upload a document, attach a file to an application.
import assert from 'node:assert/strict';
import { clickAndLoad, fillLogin } from '../harness.mjs';

export const APPLICANT_PASSWORD = 'wetland stewardship 2026';
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR test image')]);
// §2.3.1(b): the papers of a non-profit company.
export const COMPANY_PAPERS = ['tax_exemption_letter', 'certificate_of_incorporation', 'articles_of_association', 'directors_list'];

// Registers the organisation and its person-in-charge, then signs in; ends on /en/portal.
export async function register(h, page, { username, nameEn, nameZh, kind = 'non_profit_company' }) {
  await page.goto(h.url('/en/login'));
  await clickAndLoad(page.getByRole('link', { name: 'Register your organisation' }));
  assert.match(page.url(), /\/en\/register$/);
  await page.fill('#name_zh', nameZh);
  await page.fill('#name_en', nameEn);
  await page.check(`#kind-${kind}`);
  await page.fill('#display_name', `${username} person`);
  await page.fill('#post', 'Director');
  await page.fill('#email', `${username}@example.org`);
  await page.fill('#username', username);
  await page.fill('#password', APPLICANT_PASSWORD);
  await clickAndLoad(page.getByRole('button', { name: 'Register' }));
  assert.match(page.url(), /\/en\/login/);
  await fillLogin(page, username, APPLICANT_PASSWORD);
  await page.waitForURL(/\/en\/portal$/);
}

// On the portal page: one document of the organisation.
export async function upload(page, kind, name, buffer, mimeType = 'application/pdf') {
  await page.selectOption('#document_kind', kind);
  await page.setInputFiles('#document_file', { name, mimeType, buffer });
  await clickAndLoad(page.locator('#upload-document'));
}

// On an application's page: the §2.7.6 site map, a photo of the site and the habitat map.
export async function attachSiteFiles(page) {
  for (const [kind, name, buffer, type] of [['site_map', 'map.pdf', PDF, 'application/pdf'],
    ['site_photo', 'village.png', PNG, 'image/png'], ['habitat_map', 'habitats.pdf', PDF, 'application/pdf']]) {
    await page.selectOption('#attachment_kind', kind);
    await page.setInputFiles('#attachment_file', { name, mimeType: type, buffer });
    await clickAndLoad(page.locator('#attach-file'));
  }
}
