// Pages work without JavaScript (ARCHITECTURE.md principle 8): the login form, the language switch
// and signing out are plain links and forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useHarness, clickAndLoad, fillLogin, htmlLang, languageSwitch, HTML_LANG, LOGIN_NAME, LOGOUT_NAME,
} from './harness.mjs';

const h = useHarness({
  users: [{ username: 'wong.siuming', role: 'applicant', displayName: 'Wong Siu Ming' }],
});

test('with JavaScript off, a person signs in, switches language and signs out', async () => {
  const user = h.user('wong.siuming');
  const page = await h.newPage({ javaScriptEnabled: false });
  try {
    await page.goto(h.url('/en/'));
    assert.equal(await htmlLang(page), HTML_LANG.en);
    await clickAndLoad(page.getByRole('link', { name: LOGIN_NAME }).first());
    assert.equal(new URL(page.url()).pathname, '/en/login');

    // The hidden CSRF token is in the served HTML, not put there by a script.
    assert.equal(await page.locator('form input[type="hidden"][name="csrf_token"]').count(), 1,
      'the login form carries one hidden csrf_token');
    assert.ok((await page.locator('input[name="csrf_token"]').inputValue()).length >= 16,
      'the csrf_token has a value');

    await fillLogin(page, user.username, user.password);
    assert.doesNotMatch(new URL(page.url()).pathname, /\/login$/,
      `signing in without JavaScript should leave the login page; server log:\n${h.serverLogTail()}`);

    await page.goto(h.url('/en/account'));
    assert.equal(new URL(page.url()).pathname, '/en/account');
    assert.ok(await page.getByText(user.displayName).first().isVisible(), 'signed in: the display name shows');

    await clickAndLoad(languageSwitch(page).getByRole('link', { name: /繁體/ }));
    assert.equal(new URL(page.url()).pathname, '/zh/account', 'the language switch keeps the page');
    assert.equal(await htmlLang(page), HTML_LANG.zh);

    await clickAndLoad(page.getByRole('button', { name: LOGOUT_NAME }));
    assert.equal(await page.getByRole('button', { name: LOGOUT_NAME }).count(), 0, 'signed out');
    await page.goto(h.url('/zh/account'));
    assert.equal(new URL(page.url()).pathname, '/zh/login', 'signed out: the account page asks to log in');
  } finally {
    await page.context().close();
  }
});

test('with JavaScript off, a wrong password shows the error summary', async () => {
  const page = await h.newPage({ javaScriptEnabled: false });
  try {
    await page.goto(h.url('/zh/login'));
    await fillLogin(page, 'wong.siuming', 'wrong password');
    assert.equal(new URL(page.url()).pathname, '/zh/login');
    assert.ok(await page.getByRole('alert').first().isVisible(), 'an error summary (role=alert) is shown');
    assert.equal(await page.getByRole('button', { name: LOGOUT_NAME }).count(), 0, 'not signed in');
  } finally {
    await page.context().close();
  }
});

test('a login post without the CSRF token does not sign in', async () => {
  const user = h.user('wong.siuming');
  const page = await h.newPage({ javaScriptEnabled: false });
  try {
    await page.goto(h.url('/en/login'));
    // The same browser (its session cookie), but a forged form without the token.
    const response = await page.request.post(h.url('/en/login'), {
      form: { username: user.username, password: user.password },
      maxRedirects: 0,
    });
    assert.ok(response.status() >= 400, `a login POST without csrf_token should be refused; it got ${response.status()}`);
    await page.goto(h.url('/en/account'));
    assert.equal(new URL(page.url()).pathname, '/en/login', 'still signed out');
  } finally {
    await page.context().close();
  }
});
