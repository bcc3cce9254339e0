// Shared set-up for the browser tests: the real `bsap` program on a loopback port with a fresh
// SQLite database, users made with the program's own CLI, and Debian's chromium driven by
// playwright-core. Everything is torn down after the file's tests, whether they passed or not.
//
//   import { useHarness } from './harness.mjs';
//   const h = useHarness({ users: [{ username: 'ada', role: 'administrator' }] });
//   test('...', async () => { const page = await h.newPage(); await page.goto(h.url('/zh/')); });
//
// BSAP_BINARY names the program (ctest sets it); it defaults to build/test/bsap.
import { after, before } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BINARY = path.resolve(REPO_ROOT, process.env.BSAP_BINARY || 'build/test/bsap');
export const CHROMIUM = process.env.BSAP_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'build', 'browser-screenshots');
export const LANGS = ['zh', 'en', 'zh-hans'];
export const HTML_LANG = { zh: 'zh-Hant-HK', en: 'en-HK', 'zh-hans': 'zh-Hans' };
export const DEFAULT_PASSWORD = 'correct horse battery staple 42';

// The sanitizer build reports memory errors on stderr and carries on (ASan aborts, UBSan with
// -fno-sanitize-recover aborts too, but a report may come from a thread the server survives).
const SANITIZER_REPORT = /ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:/;

// Every live harness, so that an interrupted run (Ctrl-C, a killed runner) still cleans up.
const live = new Set();
function emergencyCleanup() {
  for (const h of live) h.killSync();
}
process.once('exit', emergencyCleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    emergencyCleanup();
    process.exit(130);
  });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export class Harness {
  constructor() {
    this.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsap-browser-'));
    this.db = `sqlite:${path.join(this.tmp, 'bsap.db')}`;
    this.serverLog = path.join(this.tmp, 'server.log');
    this.server = null;
    this.serverExit = null;
    this.browser = null;
    this.port = 0;
    this.users = new Map();
    live.add(this);
  }

  get baseURL() {
    return `http://127.0.0.1:${this.port}`;
  }

  url(p) {
    return this.baseURL + p;
  }

  // Runs the program once to completion; throws with its output when it fails.
  run(args, input) {
    const result = spawnSync(BINARY, ['--db', this.db, ...args], {
      input: input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'detect_leaks=0' },
    });
    if (result.error) throw result.error;
    if (result.status !== 0) {
      throw new Error(`bsap ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
    }
    return result.stdout;
  }

  addUser({ username, role = 'applicant', displayName, password = DEFAULT_PASSWORD }) {
    const display = displayName ?? `${username[0].toUpperCase()}${username.slice(1)} Test`;
    this.run(['user', 'add', username, '--role', role, '--display-name', display, '--password-stdin'],
      `${password}\n`);
    const user = { username, role, displayName: display, password };
    this.users.set(username, user);
    return user;
  }

  user(username) {
    const user = this.users.get(username);
    if (!user) throw new Error(`no test user ${username}`);
    return user;
  }

  async startServer() {
    this.port = await freePort();
    const log = fs.openSync(this.serverLog, 'a');
    // The tests sign in far more often than a person: no per-client budgets (docs/security.md).
    const serve = ['serve', '--port', String(this.port), '--sign-in-per-minute', '0', '--api-per-minute', '0'];
    this.server = spawn(BINARY, ['--db', this.db, ...serve], {
      stdio: ['ignore', log, log],
      env: { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'detect_leaks=0' },
    });
    fs.closeSync(log);
    this.server.on('exit', (code, signal) => {
      this.serverExit = { code, signal };
    });
    const deadline = Date.now() + 60_000;  // the sanitizer build starts slowly on a busy machine
    for (;;) {
      if (this.serverExit) {
        throw new Error(`bsap serve exited early (${JSON.stringify(this.serverExit)}):\n${tail(this.serverLog)}`);
      }
      try {
        const response = await fetch(this.url('/healthz'), { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`bsap serve did not answer GET /healthz with 200 within 60 s:\n${tail(this.serverLog)}`);
      }
      await sleep(100);
    }
  }

  async launchBrowser() {
    // launch() gives chromium a fresh temporary profile (its user-data dir) and removes it on close.
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }

  // A page in its own context (its own cookies); options go to browser.newContext.
  async newPage(options = {}) {
    const context = await this.browser.newContext({ locale: 'zh-HK', ...options });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    return context.newPage();
  }

  // Signs in through the login form, the way a person does; lands wherever the form sends.
  async login(page, username, { lang = 'en', next } = {}) {
    const user = this.user(username);
    const query = next ? `?next=${encodeURIComponent(next)}` : '';
    await page.goto(this.url(`/${lang}/login${query}`));
    await fillLogin(page, user.username, user.password);
    return user;
  }

  // The server's log so far, for failure messages.
  serverLogTail(lines = 40) {
    return tail(this.serverLog, lines);
  }

  async stopServer() {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    if (!this.serverExit) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) {
        server.kill('SIGKILL');
        await exited;
        throw new Error(`bsap serve did not stop within 10 s of SIGTERM:\n${tail(this.serverLog)}`);
      }
    }
  }

  // Tears everything down; every step runs even when an earlier one fails. Throws afterwards
  // when the server misbehaved (did not stop, or a sanitizer reported an error).
  async close() {
    const problems = [];
    if (this.browser) {
      try {
        await this.browser.close();
      } catch (e) {
        problems.push(`closing chromium: ${e.message}`);
      }
      this.browser = null;
    }
    try {
      await this.stopServer();
    } catch (e) {
      problems.push(e.message);
    }
    let log = '';
    try {
      log = fs.readFileSync(this.serverLog, 'utf8');
    } catch {
      // never started
    }
    if (SANITIZER_REPORT.test(log)) problems.push(`the server's log has a sanitizer report:\n${log.slice(-6000)}`);
    if (process.env.BSAP_KEEP_TMP) {
      console.error(`kept ${this.tmp}`);
    } else {
      fs.rmSync(this.tmp, { recursive: true, force: true });
    }
    live.delete(this);
    if (problems.length) throw new Error(problems.join('\n'));
  }

  // Last resort on process exit: no awaiting possible.
  killSync() {
    try {
      if (this.server && !this.serverExit) this.server.kill('SIGKILL');
    } catch {
      // gone already
    }
    if (!process.env.BSAP_KEEP_TMP) fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

// Makes the database, the users, the server and the browser; cleans up what it made if any step fails.
export async function startHarness({ users = [] } = {}) {
  if (!fs.existsSync(BINARY)) {
    throw new Error(`BSAP_BINARY ${BINARY} does not exist: build the program first`);
  }
  const h = new Harness();
  try {
    h.run(['migrate']);
    for (const user of users) h.addUser(user);
    await h.startServer();
    await h.launchBrowser();
  } catch (e) {
    await h.close().catch(() => {});
    throw e;
  }
  return h;
}

// For a test file: starts a harness before its tests and closes it after them. Returns an
// object whose properties reach the harness once it has started.
export function useHarness(options) {
  let harness = null;
  before(async () => {
    harness = await startHarness(options);
  }, { timeout: 120_000 });
  after(async () => {
    if (harness) await harness.close();
  }, { timeout: 60_000 });
  return new Proxy({}, {
    get(_, name) {
      if (!harness) throw new Error('the harness did not start (see the before hook)');
      const value = harness[name];
      return typeof value === 'function' ? value.bind(harness) : value;
    },
  });
}

// ---- page helpers shared by the tests -------------------------------------------------------

// The login form's fields, found by role and accessible name in any of the three languages.
export const USERNAME_LABEL = /username|user name|用戶名稱|使用者名稱|用户名称|登入名稱|登录名称|用户名|帳戶名稱|账户名称/i;
export const PASSWORD_LABEL = /password|密碼|密码/i;
export const LOGIN_NAME = /^\s*(log ?in|sign ?in|登入|登录|登錄)\s*$/i;
export const LANGUAGE_NAV = /choose a language|選擇語言|选择语言/i;
export const LOGOUT_NAME = /^\s*(log ?out|sign ?out|登出|退出|登出系統|登出系统)\s*$/i;

export async function fillLogin(page, username, password) {
  await page.getByRole('textbox', { name: USERNAME_LABEL }).fill(username);
  // A password input has no ARIA role; its label is what a person reads.
  await page.getByLabel(PASSWORD_LABEL).fill(password);
  await clickAndLoad(page.getByRole('main').getByRole('button', { name: LOGIN_NAME }));
}

// Clicks a link or a form's button and waits until the document it brings has loaded. (Waiting
// for the page's 'load' event, begun before the click, cannot be fooled by the old document.)
export async function clickAndLoad(locator) {
  const page = locator.page();
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), locator.click()]);
}

// The on-page language switch (a navigation landmark of links).
export function languageSwitch(page) {
  return page.getByRole('navigation', { name: LANGUAGE_NAV });
}

export async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}
