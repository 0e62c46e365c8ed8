/**
 * End-to-end tests of the web console (npm run e2e).
 *
 * Starts the real server on a fresh data folder with demo data, drives Debian's
 * Chromium through playwright-core, and saves a screenshot of every page at
 * 1440 px and 375 px into test-output/screenshots/. Prints `N passed, M failed`
 * and exits non-zero on failure.
 *
 * Env: E2E_BUILD=1 rebuilds dist/web first (otherwise only when it is missing or
 *      older than src/web, src/shared or vite.config.ts);
 *      E2E_ONLY=<substring> runs only matching tests; CHROMIUM=<path>;
 *      E2E_WEB_DIR=<folder> builds the console into that folder and serves it from
 *      there, so two e2e runs in one checkout cannot rebuild each other's assets.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { idCheckChar } from '../../src/shared/idcard.js';
import { usccCheckChar } from '../../src/shared/uscc.js';
import { ensureWebBuilt } from '../../scripts/ensure-web.js';
import { registerOrgTests } from './orgs.js';
import { registerMembersUsersTests } from './members-users.js';
import { registerReformTests } from './reform.js';
import { registerAssistanceTests } from './assistance.js';
import { registerPageTours } from './pages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.E2E_WEB_DIR ? path.resolve(process.env.E2E_WEB_DIR) : path.join(ROOT, 'dist/web');
const OUT = path.join(ROOT, 'test-output');
const SHOTS = path.join(OUT, 'screenshots');
const ADMIN_PASSWORD = 'Qx7#Root-2026';
const DEMO_PASSWORD = 'Wv9#Demo-2026';
const FIRST_SCREEN_BUDGET = 500 * 1024;
const WIDTHS = [1440, 375] as const;

// ---------- tiny harness ----------
type TestFn = () => Promise<void>;
const tests: { name: string; fn: TestFn }[] = [];
const test = (name: string, fn: TestFn) => tests.push({ name, fn });
const notes: string[] = [];

class AssertionError extends Error { }
function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}
function eq<T>(actual: T, expected: T, what: string) {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// ---------- server ----------
let server: ChildProcess | undefined;
let serverLog = '';
let BASE = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Build dist/web when it is missing or older than the web sources (or when E2E_BUILD=1). */
function buildIfNeeded() {
  if (process.env.E2E_WEB_DIR) {
    const r = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
    return;
  }
  ensureWebBuilt(process.env.E2E_BUILD === '1');
}

async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-e2e-'));
  const port = await freePort();
  BASE = `http://127.0.0.1:${port}`;
  server = spawn('npx', ['tsx', 'src/server/main.ts', 'serve', '--seed-demo'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_MEMBERS: '3000', WEB_DIR: DIST, ADMIN_PASSWORD, DEMO_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${serverLog}`);
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return dataDir;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start in time:\n${serverLog}`);
}

function stopServer() {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
}

// ---------- API client for setup and for comparing figures ----------
class Api {
  cookie = '';
  csrf = '';
  async login(username: string, password: string) {
    const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = await r.json();
    if (!r.ok) throw new Error(`login ${username}: ${JSON.stringify(body)}`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = body.csrfToken;
    return body;
  }
  async call<T = any>(method: string, p: string, body?: unknown): Promise<T> {
    const r = await fetch(`${BASE}/api/v1${p}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const data = await r.json();
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(data)}`);
    return data;
  }
}

async function rawLogin(username: string, password: string) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { status: r.status, body: await r.json() };
}

// ---------- browser helpers ----------
let browser: Browser;
const pageErrors: string[] = [];

const openContexts: BrowserContext[] = [];

async function newContext(width: number): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width, height: width < 600 ? 812 : 900 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: width < 600,
    hasTouch: width < 600,
    acceptDownloads: true,
  });
  ctx.setDefaultTimeout(15_000);
  ctx.on('page', (p) => watch(p));
  openContexts.push(ctx);
  return ctx;
}

function watch(p: Page) {
  p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`${p.url()}: console.error ${m.text().slice(0, 300)}`);
  });
}

/** Wait until requests are done and no spinner or loading marker is showing. */
async function settle(p: Page) {
  await p.waitForLoadState('networkidle').catch(() => { });
  await p.waitForFunction(() => !document.querySelector('.ant-spin-spinning, [role=status] .ant-spin, .boot'), undefined, { timeout: 15_000 }).catch(() => { });
  await p.waitForTimeout(350);
}

/** Full-page screenshot; pages with a drawer or dialog open are shot as the viewport (overlays are fixed). */
async function shoot(p: Page, name: string, width: number) {
  await settle(p);
  const overlay = await p.locator('.ant-drawer-open, .ant-modal-wrap:visible').count();
  // Sticky header and menu would be painted mid-page in a full-page shot of a scrolled page.
  if (overlay === 0) await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: overlay === 0 });
}

async function uiLogin(p: Page, username: string, password: string) {
  await p.goto(`${BASE}/login`);
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码', { exact: true }).fill(password);
  await p.getByRole('button', { name: /登\s*录/ }).click();
}

/** Sign a context in through the API (cookies land in the context's jar). */
async function apiLogin(ctx: BrowserContext, username: string, password: string) {
  const r = await ctx.request.post(`${BASE}/api/v1/auth/login`, { data: { username, password } });
  assert(r.ok(), `login ${username} failed: ${r.status()}`);
}

async function pickTreeOption(p: Page, label: string, search: string, title: string) {
  const box = p.getByLabel(label, { exact: true });
  await box.click();
  await p.keyboard.type(search);
  const option = p.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${title}"]`).first();
  await option.waitFor({ state: 'visible' });
  await option.click();
}

// ---------- shared state ----------
const admin = new Api();
let rootId = 0;
let townId = 0;
let townName = '';
let grassrootsInTown: { id: number; name: string } | undefined;
let clerkPassword = '';
const CLERK = 'e2e_clerk';

function validId(seq: number, birth = '19880512'): string {
  const first17 = `110118${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

// ---------- tests ----------

test('sign-in shows the server message (attempts left, then locked)', async () => {
  await admin.call('POST', '/users', { username: 'e2e_lockme', role: 'auditor', password: 'Lock-Me#2026x' });
  const ctx = await newContext(1440);
  const p = await ctx.newPage();
  await uiLogin(p, 'e2e_lockme', 'wrong-password');
  const err = p.getByTestId('login-error');
  await err.waitFor();
  const text = (await err.innerText()).trim();
  assert(/用户名或密码错误/.test(text) && /再失败\s*4\s*次/.test(text), `expected attempts-left message, got “${text}”`);
  assert(await p.getByLabel('用户名').inputValue() === 'e2e_lockme', 'username kept after a failed sign-in');
  await shoot(p, 'login-error', 1440);
  for (let i = 0; i < 4; i++) await rawLogin('e2e_lockme', 'wrong-password');
  await p.getByLabel('密码', { exact: true }).fill('Lock-Me#2026x');
  await p.getByRole('button', { name: /登\s*录/ }).click();
  await p.waitForFunction(() => /锁定/.test(document.querySelector('[data-testid=login-error]')?.textContent ?? ''));
  assert(p.url().includes('/login'), 'a locked account stays on the sign-in page');
});

test('forced password change on first sign-in', async () => {
  const ctx = await newContext(1440);
  const p = await ctx.newPage();
  await uiLogin(p, CLERK, clerkPassword);
  await p.waitForURL('**/change-password');
  await p.getByText('请先修改密码').first().waitFor();
  // Every other page sends them back here.
  await p.goto(`${BASE}/members`);
  await p.waitForURL('**/change-password');
  await p.getByLabel('当前密码').fill(clerkPassword);
  const rules = p.getByTestId('password-rules');
  await p.getByLabel('新密码', { exact: true }).fill('short');
  await p.waitForTimeout(200);
  eq(await rules.locator('li[data-ok=yes]').count(), 1, 'rules met by “short” (only “no username”)');
  await p.getByLabel('新密码', { exact: true }).fill('e2e_clerk-Abc123');
  await p.getByText('密码不能包含用户名').waitFor();
  await p.getByLabel('新密码', { exact: true }).fill('Miyun-Union#2026');
  await p.getByLabel('确认新密码').fill('Miyun-Union#2026');
  eq(await rules.locator('li[data-ok=yes]').count(), 3, 'all three rules met');
  await shoot(p, 'change-password', 1440);
  await p.getByRole('button', { name: '修改密码' }).click();
  await p.waitForURL((u) => new URL(u).pathname === '/');
  await p.getByTestId('overview-title').waitFor();
  const title = await p.getByTestId('overview-title').innerText();
  eq(title, townName, 'the clerk lands on their own town overview');
  const again = await rawLogin(CLERK, 'Miyun-Union#2026');
  eq(again.body.mustChangePassword, false, 'mustChangePassword after change');
});

test('overview figures equal the API stats (admin)', async () => {
  const ctx = await newContext(1440);
  const p = await ctx.newPage();
  const js = new Set<string>();
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/assets/') && u.pathname.endsWith('.js')) js.add(u.pathname);
  });
  await uiLogin(p, 'admin', ADMIN_PASSWORD);
  await p.getByTestId('overview-title').waitFor();
  await settle(p);
  const stats = await admin.call('GET', `/orgs/${rootId}/stats`);
  eq(await p.getByTestId('overview-title').innerText(), stats.name, 'overview title');
  for (const [id, key] of [['stat-members', 'members'], ['stat-industrial', 'industrialMembers'], ['stat-migrant', 'migrantMembers'], ['stat-retained', 'retainedMembers'], ['stat-unions', 'unions'], ['stat-employees', 'employees']] as const) {
    const v = await p.getByTestId(id).getAttribute('data-value');
    eq(Number(v), stats[key], `${key} card`);
  }
  eq(await p.getByTestId('stat-enterprises').innerText(), `${stats.enterprisesWithUnion} / ${stats.enterprises}`, 'enterprises card');
  // First-screen JavaScript (sign-in page + overview with its chart), gzipped.
  let total = 0;
  const sizes: [number, string][] = [];
  for (const f of js) {
    const n = zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;
    total += n;
    sizes.push([n, f]);
  }
  notes.push(`first screen after sign-in: ${js.size} JS files, ${(total / 1024).toFixed(1)} KB gzipped (budget ${FIRST_SCREEN_BUDGET / 1024} KB)`);
  if (total > FIRST_SCREEN_BUDGET) notes.push(...sizes.sort((x, y) => y[0] - x[0]).slice(0, 8).map(([n, f]) => `  ${(n / 1024).toFixed(1)} KB ${f}`));
  // The per-child table beside the chart: every row equals the API's figure.
  const rows = p.locator('[data-testid=children-table] tbody tr');
  eq(await rows.count(), stats.children.length, 'children table rows');
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    const child = stats.children.find((c: { name: string }) => c.name === cells[0].trim());
    assert(child, `children table row “${cells[0]}” is a child in the stats`);
    eq(cells.slice(1).map(Number).join(','), [child.members, child.industrialMembers, child.migrantMembers].join(','), `figures of ${child.name}`);
  }
  assert(await p.locator('canvas').count() > 0, 'the ECharts chart rendered');
  // The members card leads to the roster filtered by the scope root, with the same total.
  await p.getByRole('link', { name: /会员总数/ }).click();
  await p.waitForURL(`**/members?orgId=${rootId}`);
  await p.locator('.ant-pagination').first().waitFor();
  await settle(p);
  const listed = await admin.call('GET', `/members?orgId=${rootId}&pageSize=1`);
  await p.getByText(`共 ${listed.total} 名会员`).waitFor();
  assert(total <= FIRST_SCREEN_BUDGET, `first-screen JS ${(total / 1024).toFixed(1)} KB gzipped exceeds the budget`);
});

test('roster search finds a member by name fragment and by full ID number', async () => {
  const list = await admin.call('GET', '/members?pageSize=50&page=3');
  const m = list.items.find((x: { name: string }) => [...x.name].length >= 3) ?? list.items[0];
  const fragment = [...m.name].slice(1).join('');
  const ctx = await newContext(1440);
  await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
  const p = await ctx.newPage();
  if (process.env.E2E_DEBUG) {
    p.on('request', (r) => r.url().includes('/api/') && console.log('REQ', decodeURIComponent(r.url())));
    p.on('response', (r) => r.url().includes('/api/') && console.log('RES', r.status(), decodeURIComponent(r.url())));
  }
  await p.goto(`${BASE}/members`);
  const search = p.getByRole('searchbox', { name: /搜索会员/ }).or(p.getByLabel(/搜索会员/)).first();
  await search.fill(fragment);
  await search.press('Enter');
  await p.waitForURL(`**/members?q=${encodeURIComponent(fragment)}`);
  await settle(p);
  const row = p.locator('tr.ant-table-row', { hasText: m.name }).first();
  await row.waitFor();
  assert(await row.innerText().then((t) => t.includes(m.idNumberMasked)), 'the row shows the masked ID number');
  // Full ID number (read through the audited unmask) finds exactly this person.
  const full = await admin.call('POST', `/members/${m.id}/unmask`, {});
  await search.fill(full.idNumber);
  await search.press('Enter');
  await settle(p);
  await p.waitForFunction((n) => document.querySelectorAll('tr.ant-table-row').length === 1 && document.querySelector('tr.ant-table-row')!.textContent!.includes(n), m.name);
  // Detail drawer: masked, then unmasked on request.
  await p.locator('tr.ant-table-row').first().getByRole('link', { name: m.name }).click();
  await p.getByTestId('detail-name').waitFor();
  eq(await p.getByTestId('detail-id').innerText(), m.idNumberMasked, 'masked ID in the drawer');
  await p.getByRole('button', { name: '查看完整号码' }).click();
  await p.waitForFunction((id) => document.querySelector('[data-testid=detail-id]')?.textContent === id, full.idNumber);
  await p.getByText('已记入审计日志').waitFor();
  await shoot(p, 'member-detail', 1440);
  // Close the drawer (Escape), then a search with no match: a readable empty state.
  await p.keyboard.press('Escape');
  await p.waitForURL((u) => !new URL(u).searchParams.has('member'));
  // The drawer's closing animation can swallow the first keystrokes under load: type until the URL has the query.
  for (let i = 0; i < 3 && !new URL(p.url()).searchParams.get('q')?.includes('不存在'); i++) {
    await search.fill('不存在的人名');
    await search.press('Enter');
    await p.waitForURL((u) => new URL(u).searchParams.get('q') === '不存在的人名', { timeout: 5000 }).catch(() => undefined);
  }
  await settle(p);
  await p.getByText('没有找到符合条件的会员').waitFor({ timeout: 30_000 });
  await p.getByRole('button', { name: '清除筛选' }).click();
  await p.waitForURL((u) => new URL(u).search === '');
  await p.locator('tr.ant-table-row').first().waitFor();
});

test('creating a member with a wrong ID number shows the reason and keeps the values', async () => {
  const ctx = await newContext(1440);
  await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
  const p = await ctx.newPage();
  await p.goto(`${BASE}/members/new`);
  const good = validId(987);
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  await p.getByLabel('姓名').fill('测试会员');
  await p.getByLabel('身份证号码').fill(bad);
  await p.getByLabel('手机号码').fill('13912345678');
  await p.getByRole('button', { name: /登\s*记/ }).last().click();
  const idError = p.locator('#idNumber_help, .ant-form-item:has(#idNumber) .ant-form-item-explain-error').first();
  await idError.waitFor();
  const reason = await idError.innerText();
  assert(/校验位/.test(reason), `ID reason shown: “${reason}”`);
  eq(await p.getByLabel('姓名').inputValue(), '测试会员', 'name kept');
  eq(await p.getByLabel('身份证号码').inputValue(), bad, 'ID number kept');
  eq(await p.getByLabel('手机号码').inputValue(), '13912345678', 'phone kept');
  await shoot(p, 'member-new-error', 1440);
  // Fix it live: the reason disappears and the derived birth date shows.
  await p.getByLabel('身份证号码').fill(good);
  await p.getByTestId('id-derived').waitFor();
  // The server's own per-field refusal: a well-formed credit code of an employer it does not know.
  await pickTreeOption(p, '所属工会', grassrootsInTown!.name, grassrootsInTown!.name);
  const body17 = '91110118MA0E2E0T7';
  const unknownCode = body17 + usccCheckChar(body17);
  await p.getByLabel('工作单位统一社会信用代码').fill(unknownCode);
  await p.getByLabel('工作单位', { exact: true }).fill('北京测试科技有限公司');
  await p.getByRole('button', { name: /登\s*记/ }).last().click();
  await p.getByTestId('form-error').waitFor();
  const codeErr = p.locator('.ant-form-item:has(#employerCreditCode) .ant-form-item-explain-error').first();
  await codeErr.waitFor();
  assert(/未找到/.test(await codeErr.innerText()), `server field error beside the credit code: “${await codeErr.innerText()}”`);
  eq(await p.getByLabel('身份证号码').inputValue(), good, 'ID kept after the server refusal');
  eq(await p.getByLabel('姓名').inputValue(), '测试会员', 'name kept after the server refusal');
  eq(await p.getByLabel('工作单位统一社会信用代码').inputValue(), unknownCode, 'credit code kept after the server refusal');
  eq(await p.getByLabel('工作单位', { exact: true }).inputValue(), '北京测试科技有限公司', 'employer kept after the server refusal');
  await shoot(p, 'member-new-server-error', 1440);
  // Clear the unknown code: registered, and the roster opens the new record.
  await p.getByLabel('工作单位统一社会信用代码').fill('');
  await p.getByRole('button', { name: /登\s*记/ }).last().click();
  await p.waitForURL('**/members?member=*');
  await p.getByTestId('detail-name').waitFor();
  eq(await p.getByTestId('detail-name').innerText(), '测试会员', 'new member opened');
});

test('transfer dialog, membership history and accepting on the transfers page', async () => {
  const ctx = await newContext(1440);
  await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
  const p = await ctx.newPage();
  const list = await admin.call('GET', '/members?q=' + encodeURIComponent('测试会员'));
  const m = list.items[0];
  assert(m, 'the member created in the previous test exists');
  const tree = await admin.call('GET', '/orgs?tree=1');
  const dest = tree.items.find((o: { type: string; id: number }) => o.type === 'grassroots' && o.id !== m.orgId);
  await p.goto(`${BASE}/members?member=${m.id}`);
  await p.getByRole('button', { name: '会籍转出' }).click();
  await p.getByRole('dialog').getByRole('button', { name: '提交转出' }).click();
  await p.getByText('请选择接收工会').waitFor();
  await pickTreeOption(p, '接收工会', dest.name, dest.name);
  await p.getByLabel('转出原因').fill('工作调动');
  await shoot(p, 'member-transfer', 1440);
  await p.getByRole('dialog').getByRole('button', { name: '提交转出' }).click();
  await p.getByText('已提交转出').waitFor();
  await p.waitForFunction(() => document.querySelector('[data-testid=detail-status]')?.textContent === '转出中');
  await p.getByText('申请转出').waitFor();
  const h = await admin.call('GET', `/members/${m.id}/history`);
  assert(h.events.some((e: { event: string }) => e.event === 'transfer_requested'), 'history has the transfer request');
  // The receiving side accepts it on the 会籍接转 page.
  await p.goto(`${BASE}/transfers`);
  const row = p.locator('tr.ant-table-row', { hasText: '测试会员' }).first();
  await row.waitFor();
  await shoot(p, 'transfers', 1440);
  await row.getByRole('button', { name: /接\s*收/ }).click();
  await p.getByRole('dialog').getByLabel('备注').fill('欢迎');
  await p.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  await p.getByText('已接收转入').waitFor();
  const after = await admin.call('GET', `/members/${m.id}`);
  eq(after.membership.orgId, dest.id, 'membership moved to the receiving union');
});

test('a town admin sees only their own town (tree, menu, list)', async () => {
  const town = new Api();
  const me = await town.login('town_admin', DEMO_PASSWORD);
  const townTree = await town.call('GET', '/orgs?tree=1');
  const visible = new Set(townTree.items.map((o: { id: number }) => o.id));
  const all = await admin.call('GET', '/orgs?tree=1');
  const otherTowns = all.items.filter((o: { type: string; id: number }) => o.type === 'town' && o.id !== me.user.orgId).map((o: { name: string }) => o.name);
  assert(otherTowns.length > 3, 'there are other towns');
  const ctx = await newContext(1440);
  const p = await ctx.newPage();
  await uiLogin(p, 'town_admin', DEMO_PASSWORD);
  await p.getByTestId('overview-title').waitFor();
  eq(await p.getByTestId('overview-title').innerText(), me.user.orgName, 'overview of their own town');
  eq((await p.getByTestId('scope').innerText()).trim(), me.user.orgName, 'scope shown in the header');
  const stats = await town.call('GET', `/orgs/${me.user.orgId}/stats`);
  eq(Number(await p.getByTestId('stat-members').getAttribute('data-value')), stats.members, 'town member count');
  // Menu: only entries their permissions allow.
  const menu = await p.getByRole('menu').first().innerText();
  assert(!/审计日志/.test(menu) === !me.user.permissions.includes('audit.read'), 'audit entry follows audit.read');
  for (const other of otherTowns.slice(0, 5)) assert(!(await p.content()).includes(other), `overview mentions ${other}`);
  // Organisation tree page.
  await p.goto(`${BASE}/orgs`);
  await p.getByTestId('org-detail').waitFor();
  await settle(p);
  const treeText = await p.locator('.ant-tree').innerText();
  assert(treeText.includes(me.user.orgName), 'their town is in the tree');
  for (const other of otherTowns) assert(!treeText.includes(other), `tree shows another town: ${other}`);
  assert(!treeText.includes('密云区总工会'), 'tree does not show the district root');
  await p.getByLabel('搜索组织名称').fill(otherTowns[0].slice(0, 2));
  await p.getByTestId('org-matches').waitFor();
  const found = await p.locator('main').first().innerText();
  assert(!found.includes(otherTowns[0]), 'search does not reach other towns');
  // Roster: the total is the town's, every row is inside the town, the org filter lists only the town's subtree.
  await p.goto(`${BASE}/members?pageSize=100`);
  await settle(p);
  const list = await town.call('GET', '/members?pageSize=100');
  assert(await p.getByText(`共 ${list.total} 名会员`).count() === 1, `roster total ${list.total} shown`);
  assert(list.items.every((r: { orgId: number }) => visible.has(r.orgId)), 'API rows stay inside the town');
  const shown = await p.locator('tr.ant-table-row').count();
  eq(shown, Math.min(100, list.total), 'rows shown');
  const orgCells = await p.locator('tr.ant-table-row').allInnerTexts();
  for (const other of otherTowns) assert(!orgCells.some((t) => t.includes(other)), `roster shows ${other}`);
  await p.getByLabel('按组织筛选').click();
  await p.locator('.ant-select-dropdown:visible').waitFor();
  const dd = await p.locator('.ant-select-dropdown:visible').innerText();
  for (const other of otherTowns) assert(!dd.includes(other), `org filter offers ${other}`);
  await p.keyboard.press('Escape');
  // A direct link to another town's stats is refused with a readable message.
  const foreign = all.items.find((o: { name: string }) => o.name === otherTowns[0]);
  const r = await ctx.request.get(`${BASE}/api/v1/orgs/${foreign.id}/stats`);
  eq(r.status(), 403, 'other town stats status');
  await p.goto(`${BASE}/orgs?id=${foreign.id}`);
  await p.getByRole('alert').first().waitFor();
  const alert = await p.getByRole('alert').first().innerText();
  assert(/[\u4e00-\u9fff]/.test(alert) && !/at .*\.js/.test(alert), `readable refusal: “${alert}”`);
});

test('import: template, upload, live progress, counts and error workbook', async () => {
  const ctx = await newContext(1440);
  await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
  const p = await ctx.newPage();
  const file = path.join(OUT, 'e2e-import.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员花名册');
  ws.addRow(['工会会员花名册']);
  ws.addRow(['姓名', '身份证号码', '手机号码', '入会时间']);
  ws.addRow(['导入甲', validId(901, '19910203'), '13800001111', '2024-03-01']);
  ws.addRow(['导入乙', validId(902, '19920304'), '13800002222', '2024-03-02']);
  ws.addRow(['导入丙', '110118199203041234', '12345', '2024-03-03']);
  ws.getColumn(2).numFmt = '@';
  await wb.xlsx.writeFile(file);

  await p.goto(`${BASE}/imports`);
  const tpl = await p.getByTestId('template-link').getAttribute('href');
  const t = await ctx.request.get(`${BASE}${tpl}`);
  eq(t.status(), 200, 'template download status');
  assert((t.headers()['content-type'] ?? '').includes('spreadsheetml'), 'template is an xlsx');
  await pickTreeOption(p, '导入到工会', grassrootsInTown!.name, grassrootsInTown!.name);
  await p.locator('input[type=file]').setInputFiles(file);
  await p.getByRole('button', { name: '开始导入' }).click();
  await p.waitForURL('**/imports?import=*');
  await p.getByTestId('import-progress').waitFor();
  await p.waitForFunction(() => /已完成|失败/.test(document.querySelector('[data-testid=import-progress] [data-testid=import-status]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const id = Number(new URL(p.url()).searchParams.get('import'));
  const st = await admin.call('GET', `/imports/${id}`);
  eq(st.status, 'done', 'import status');
  eq(st.imported, 2, 'imported rows');
  eq(st.rejected, 1, 'rejected rows');
  const text = await p.getByTestId('import-progress').innerText();
  assert(text.includes('有 1 行被退回'), 'rejected count shown');
  const link = await p.getByTestId('errors-link').getAttribute('href');
  eq(link, `/api/v1/imports/${id}/errors.xlsx`, 'error workbook link');
  const e = await ctx.request.get(`${BASE}${link}`);
  eq(e.status(), 200, 'error workbook status');
  await shoot(p, 'import-result', 1440);
});

test('export link carries the roster filter and downloads a workbook', async () => {
  const ctx = await newContext(1440);
  await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
  const p = await ctx.newPage();
  // Export of the filtered roster: the link carries the filter and downloads a workbook.
  await p.goto(`${BASE}/members?orgId=${grassrootsInTown!.id}&q=${encodeURIComponent('导入')}`);
  await settle(p);
  const href = await p.getByTestId('export-link').getAttribute('href');
  eq(href, `/api/v1/members/export.xlsx?q=${encodeURIComponent('导入')}&orgId=${grassrootsInTown!.id}`, 'export link');
  const x = await ctx.request.get(`${BASE}${href}`).catch((err: Error) => {
    throw new AssertionError(`export download broke off mid-stream (server error after the headers): ${err.message.split('\n')[0]}`);
  });
  eq(x.status(), 200, 'export status');
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(Buffer.from(await x.body()) as any);
  const rows: string[] = [];
  out.worksheets[0].eachRow((r) => rows.push(String(r.values)));
  assert(rows.some((r) => r.includes('导入甲')) && rows.some((r) => r.includes('导入乙')), 'export holds the imported members');
  assert(!rows.some((r) => r.includes('张')) || rows.length < 10, 'export is filtered');
});

test('language switch, logout and unknown pages', async () => {
  const ctx = await newContext(1440);
  const p = await ctx.newPage();
  await uiLogin(p, 'admin', ADMIN_PASSWORD);
  await p.getByTestId('overview-title').waitFor();
  await p.getByText('EN', { exact: true }).click();
  await p.getByRole('menu').first().getByText('Members', { exact: true }).waitFor();
  await p.goto(`${BASE}/members/new`);
  await p.getByLabel('ID number').fill('123');
  await p.getByText(/18/).first().waitFor();
  await p.getByText('中文', { exact: true }).click();
  await p.getByRole('menu').first().getByText('会员花名册').waitFor();
  await p.goto(`${BASE}/no-such-page`);
  await p.getByText('页面不存在', { exact: true }).waitFor();
  await shoot(p, 'not-found', 1440);
  await p.getByTestId('account-menu').click();
  await p.getByText('退出登录').click();
  await p.waitForURL('**/login');
  await p.goto(`${BASE}/members`);
  await p.waitForURL('**/login?next=*');
  const me = await ctx.request.get(`${BASE}/api/v1/auth/me`);
  eq(me.status(), 401, 'signed out');
});

test('phone layout: menu collapses into a drawer', async () => {
  const ctx = await newContext(375);
  await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
  const p = await ctx.newPage();
  await p.goto(`${BASE}/`);
  await p.getByTestId('overview-title').waitFor();
  eq(await p.locator('.ant-layout-sider').count(), 0, 'no side menu on a phone');
  await p.getByRole('button', { name: '打开菜单' }).click();
  await p.locator('.ant-drawer-open').getByText('会员花名册').click();
  await p.waitForURL('**/members');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `page scrolls sideways by ${overflow}px at 375px`);
});

registerMembersUsersTests({ test, assert, eq, newContext, apiLogin, uiLogin, shoot, settle, pickTreeOption, admin, base: () => BASE, adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD });

test('screenshots of every page at 1440 and 375 px', async () => {
  const member = (await admin.call('GET', '/members?pageSize=1')).items[0];
  for (const width of WIDTHS) {
    const ctx = await newContext(width);
    const p = await ctx.newPage();
    await p.goto(`${BASE}/login`);
    await shoot(p, 'login', width);
    await apiLogin(ctx, 'admin', ADMIN_PASSWORD);
    const pages: [string, string][] = [
      ['overview', '/'],
      ['members', '/members'],
      ['member-drawer', `/members?member=${member.id}`],
      ['member-new', '/members/new'],
      ['imports', '/imports'],
      ['orgs', '/orgs'],
      ['audit', '/audit'],
      ['change-password-voluntary', '/change-password'],
      ['not-found', '/no-such-page'],
    ];
    for (const [name, url] of pages) {
      await p.goto(`${BASE}${url}`);
      await shoot(p, name, width);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) notes.push(`${name} at ${width}px scrolls sideways by ${overflow}px`);
      assert(overflow <= 1, `${name} at ${width}px scrolls sideways by ${overflow}px`);
    }
    if (width < 600) {
      await p.goto(`${BASE}/`);
      await settle(p);
      await p.getByRole('button', { name: '打开菜单' }).click();
      await shoot(p, 'menu-drawer', width);
    }
  }
  // The town admin's view, at both widths.
  for (const width of WIDTHS) {
    const ctx = await newContext(width);
    await apiLogin(ctx, 'town_admin', DEMO_PASSWORD);
    const p = await ctx.newPage();
    await p.goto(`${BASE}/`);
    await shoot(p, 'town-overview', width);
    await p.goto(`${BASE}/orgs`);
    await shoot(p, 'town-orgs', width);
  }
  // A member account lands on the phone portal with their own membership.
  const ctx = await newContext(375);
  await apiLogin(ctx, 'member', DEMO_PASSWORD);
  const p = await ctx.newPage();
  await p.goto(`${BASE}/`);
  await p.waitForURL(/\/m(\/|$)/);
  await p.getByTestId('m-membership').waitFor();
  await shoot(p, 'member-self', 375);
});

const moduleHelpers = () => ({ BASE, admin, Api, rootId, townId, townName, ADMIN_PASSWORD, DEMO_PASSWORD, newContext, apiLogin, uiLogin, settle, shoot, pickTreeOption, assert, eq });
registerOrgTests(test, moduleHelpers);
registerReformTests(test, moduleHelpers);
registerAssistanceTests(test, moduleHelpers);
registerPageTours(test, moduleHelpers);

test('no uncaught errors in the browser', async () => {
  const real = pageErrors.filter((e) => !/Warning: \[antd/.test(e));
  if (pageErrors.length) notes.push(`browser console: ${pageErrors.length} error(s)\n  ${[...new Set(pageErrors)].slice(0, 15).join('\n  ')}`);
  eq(real.filter((e) => !/status of 40[0-9]/.test(e)).length, 0, 'uncaught page errors');
});

// ---------- main ----------
async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.startsWith('FAIL-')) fs.rmSync(path.join(OUT, f));
  buildIfNeeded();
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  const t0 = Date.now();
  const dataDir = await startServer();
  console.log(`server up on ${BASE} in ${((Date.now() - t0) / 1000).toFixed(1)} s (data ${dataDir})`);
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  await admin.login('admin', ADMIN_PASSWORD);
  const tree = await admin.call('GET', '/orgs?tree=1');
  rootId = tree.items.find((o: { parentId: number | null }) => o.parentId === null).id;
  const townApi = new Api();
  const townLogin = await townApi.login('town_admin', DEMO_PASSWORD);
  townId = townLogin.user.orgId;
  townName = townLogin.user.orgName;
  const townTree = await townApi.call('GET', '/orgs?tree=1');
  grassrootsInTown = townTree.items.find((o: { type: string }) => o.type === 'grassroots');
  assert(grassrootsInTown, 'the demo town has a grassroots union');
  const created = await admin.call('POST', '/users', { username: CLERK, displayName: '镇街工会干事', role: 'org_admin', orgId: townId });
  clerkPassword = created.password;
  assert(clerkPassword && created.user.mustChangePassword, 'the new user must change the generated password');

  const only = process.env.E2E_ONLY;
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    if (only && !t.name.includes(only) && !t.name.startsWith('no uncaught')) continue;
    const s = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ✓ ${t.name} (${((Date.now() - s) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      console.log(`  ✗ ${t.name}\n      ${(err as Error).message.split('\n').slice(0, 6).join('\n      ')}`);
      let i = 0;
      for (const c of openContexts) for (const pg of c.pages()) {
        await pg.screenshot({ path: path.join(OUT, `FAIL-${tests.indexOf(t)}-${i++}.png`), fullPage: true }).catch(() => { });
      }
    }
    for (const c of openContexts.splice(0)) await c.close().catch(() => { });
  }
  for (const n of notes) console.log(`  · ${n}`);
  console.log(`screenshots: ${path.relative(ROOT, SHOTS)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

main()
  .then(async (failed) => {
    await browser?.close().catch(() => { });
    stopServer();
    process.exit(failed ? 1 : 0);
  })
  .catch(async (err) => {
    console.error(err);
    if (serverLog) console.error('--- server log ---\n' + serverLog.slice(-4000));
    await browser?.close().catch(() => { });
    stopServer();
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
