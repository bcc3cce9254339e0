// A person opens the Traditional Chinese home page, signs in through the form, switches to English
// on the same page, sees Simplified Chinese at /zh-hans/, and signs out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useHarness, clickAndLoad, fillLogin, htmlLang, languageSwitch, HTML_LANG, LOGIN_NAME, LOGOUT_NAME,
  screenshotPath,
} from './harness.mjs';

const h = useHarness({
  users: [{ username: 'chan.taiman', role: 'secretariat', displayName: 'Chan Tai Man' }],
});

// Characters whose Traditional and Simplified forms differ, common on the scheme's pages.
const TRADITIONAL_TO_SIMPLIFIED = {
  護: '护', 劃: '划', 動: '动', 態: '态', 樣: '样', 計: '计', 與: '与', 區: '区', 發: '发', 會: '会',
  們: '们', 個: '个', 這: '这', 為: '为', 體: '体', 國: '国', 關: '关', 資: '资', 場: '场', 項: '项',
  達: '达', 務: '务', 標: '标', 單: '单', 號: '号', 說: '说', 請: '请', 帳: '帐', 賬: '账', 語: '语',
  鄉: '乡', 諮: '咨', 詢: '询', 員: '员', 畫: '画', 續: '续', 種: '种', 產: '产', 過: '过', 業: '业',
  頁: '页', 錄: '录', 碼: '码', 網: '网', 統: '统', 專: '专', 經: '经', 費: '费', 簡: '简', 誤: '误',
  錯: '错', 權: '权', 無: '无', 歡: '欢', 價: '价', 戶: '户', 記: '记', 細: '细', 導: '导',
  覽: '览', 總: '总', 監: '监', 測: '测', 築: '筑', 處: '处', 類: '类', 園: '园', 縣: '县', 環: '环',
  圖: '图', 書: '书', 館: '馆', 條: '条', 學: '学', 術: '术', 實: '实', 執: '执',
  將: '将', 於: '于', 對: '对', 從: '从', 後: '后', 開: '开', 啟: '启', 門: '门', 問: '问', 題: '题',
  變: '变', 選: '选', 擇: '择', 轉: '转', 換: '换', 廳: '厅', 辦: '办', 報: '报', 東: '东',
  風: '风', 雲: '云', 氣: '气', 灣: '湾', 島: '岛', 嶼: '屿', 濕: '湿', 魚: '鱼', 鳥: '鸟', 蟲: '虫',
  貝: '贝', 樹: '树', 葉: '叶', 農: '农', 漁: '渔', 億: '亿', 萬: '万', 慶: '庆', 樂: '乐',
  聯: '联', 絡: '络', 檢: '检', 閱: '阅', 讀: '读', 認: '认', 證: '证', 設: '设', 憑: '凭',
  據: '据', 庫: '库', 數: '数', 檔: '档', 職: '职', 責: '责', 審: '审', 議: '议',
};
const TRADITIONAL_ONLY = new Set(Object.keys(TRADITIONAL_TO_SIMPLIFIED).filter((c) => TRADITIONAL_TO_SIMPLIFIED[c] !== c));
const HAN = /\p{Script=Han}/u;

async function mainText(page) {
  return (await page.getByRole('main').innerText()).trim();
}

test('login and language: 繁 → sign in → English on the same page → 简 → sign out', async () => {
  const user = h.user('chan.taiman');
  const page = await h.newPage();

  // `/` sends a person to the Traditional Chinese home page.
  const root = await page.goto(h.url('/'));
  assert.equal(new URL(page.url()).pathname, '/zh/', 'GET / should land on /zh/');
  assert.equal(root.status(), 200);
  assert.equal(await htmlLang(page), HTML_LANG.zh);
  const zhHome = await mainText(page);
  assert.match(zhHome, HAN, 'the Traditional Chinese home page has Chinese text');
  assert.ok([...zhHome].some((c) => TRADITIONAL_ONLY.has(c)),
    `the /zh/ home page should use Traditional characters; its text was:\n${zhHome}`);
  await page.screenshot({ path: screenshotPath('home-zh.png'), fullPage: true });

  // Follow the login link; the form signs the person in.
  await clickAndLoad(page.getByRole('link', { name: LOGIN_NAME }).first());
  assert.match(new URL(page.url()).pathname, /^\/zh\/login$/);
  assert.equal(await htmlLang(page), HTML_LANG.zh);
  await fillLogin(page, user.username, user.password);
  assert.doesNotMatch(new URL(page.url()).pathname, /\/login$/,
    `signing in should leave the login page; server log:\n${h.serverLogTail()}`);

  // Signed in: the page says who, and offers to sign out.
  await page.goto(h.url('/zh/account'));
  assert.equal(new URL(page.url()).pathname, '/zh/account', 'a signed-in user reaches /zh/account');
  assert.equal(await htmlLang(page), HTML_LANG.zh);
  assert.ok(await page.getByText(user.displayName).first().isVisible(), 'the account page shows the display name');
  assert.ok(await page.getByRole('button', { name: LOGOUT_NAME }).isVisible(), 'a sign-out button is shown');
  const zhAccount = await mainText(page);

  // The on-page switch keeps the place: /zh/account → /en/account.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/en/account'),
    languageSwitch(page).getByRole('link', { name: /^\s*English\s*$/ }).click(),
  ]);
  assert.equal(await htmlLang(page), HTML_LANG.en);
  const enAccount = await mainText(page);
  assert.notEqual(enAccount, zhAccount, 'the English page differs from the Chinese one');
  assert.doesNotMatch(enAccount.replaceAll(user.displayName, ''), HAN,
    `the English account page should have no Chinese text in <main>; it was:\n${enAccount}`);
  assert.match(enAccount, /[A-Za-z]{3}/);
  assert.ok(await page.getByText(user.displayName).first().isVisible(), 'still signed in after switching');

  // And back to Traditional Chinese from the English page.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/zh/account'),
    languageSwitch(page).getByRole('link', { name: /繁體/ }).click(),
  ]);
  assert.equal(await htmlLang(page), HTML_LANG.zh);

  // Simplified Chinese at /zh-hans/: same page in Simplified characters.
  await page.goto(h.url('/zh-hans/'));
  assert.equal(await htmlLang(page), HTML_LANG['zh-hans']);
  const hansHome = await mainText(page);
  assert.match(hansHome, HAN);
  const traditionalLeft = [...hansHome].filter((c) => TRADITIONAL_ONLY.has(c));
  assert.deepEqual(traditionalLeft, [], `the /zh-hans/ home page has Traditional characters: ${traditionalLeft.join('')}`);
  const convertible = [...zhHome].filter((c) => TRADITIONAL_ONLY.has(c));
  assert.ok(convertible.some((c) => hansHome.includes(TRADITIONAL_TO_SIMPLIFIED[c])),
    `/zh-hans/ should show the Simplified forms of /zh/'s text; it was:\n${hansHome}`);

  // Sign out with the page's button (a POST form); the account page then wants a login again.
  await clickAndLoad(page.getByRole('button', { name: LOGOUT_NAME }));
  assert.equal(await page.getByRole('button', { name: LOGOUT_NAME }).count(), 0, 'no sign-out button after signing out');
  assert.ok(await page.getByRole('link', { name: LOGIN_NAME }).first().isVisible(), 'the login link is back');
  await page.goto(h.url('/en/account'));
  assert.match(new URL(page.url()).pathname, /^\/en\/login$/, 'the account page sends a signed-out person to log in');
  await page.context().close();
});

test('the login page keeps ?next= and returns there after signing in', async () => {
  const user = h.user('chan.taiman');
  const page = await h.newPage();
  await page.goto(h.url('/en/account'));
  const loginUrl = new URL(page.url());
  assert.equal(loginUrl.pathname, '/en/login', 'a signed-out visit to /en/account goes to the login page');
  assert.equal(loginUrl.searchParams.get('next'), '/en/account');
  await fillLogin(page, user.username, user.password);
  assert.equal(new URL(page.url()).pathname, '/en/account');
  await page.context().close();
});

test('a wrong password shows an error summary and does not sign in', async () => {
  const user = h.user('chan.taiman');
  const page = await h.newPage();
  await page.goto(h.url('/en/login'));
  await fillLogin(page, user.username, 'not the password');
  assert.equal(new URL(page.url()).pathname, '/en/login');
  // GOV.UK's error summary: a role=alert region with a heading and links to the fields.
  const summary = page.getByRole('alert');
  assert.ok(await summary.first().isVisible(), 'an error summary (role=alert) is shown');
  assert.equal(await page.getByRole('button', { name: LOGOUT_NAME }).count(), 0);
  await page.context().close();
});

test('an offsite ?next= is not followed after signing in', async () => {
  const user = h.user('chan.taiman');
  const page = await h.newPage();
  await page.goto(h.url(`/en/login?next=${encodeURIComponent('//evil.example/')}`));
  await fillLogin(page, user.username, user.password);
  assert.equal(new URL(page.url()).host, `127.0.0.1:${h.port}`, 'the login stays on this site');
  await page.context().close();
});
