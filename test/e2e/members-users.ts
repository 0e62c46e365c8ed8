/**
 * E2E tests of member editing, membership status changes and 用户与角色.
 * Registered from run.ts, which owns the server, the browser and the helpers.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface ApiClient {
  call<T = any>(method: string, p: string, body?: unknown): Promise<T>;
}

export interface Harness {
  test: (name: string, fn: () => Promise<void>) => void;
  assert: (cond: unknown, message: string) => asserts cond;
  eq: <T>(actual: T, expected: T, what: string) => void;
  newContext: (width: number) => Promise<BrowserContext>;
  apiLogin: (ctx: BrowserContext, username: string, password: string) => Promise<void>;
  uiLogin: (p: Page, username: string, password: string) => Promise<void>;
  shoot: (p: Page, name: string, width: number) => Promise<void>;
  settle: (p: Page) => Promise<void>;
  pickTreeOption: (p: Page, label: string, search: string, title: string) => Promise<void>;
  admin: ApiClient;
  base: () => string;
  adminPassword: string;
  demoPassword: string;
}

export function registerMembersUsersTests(h: Harness) {
  const { test, eq, newContext, apiLogin, uiLogin, shoot, settle, admin } = h;
  const assert: (cond: unknown, message: string) => asserts cond = h.assert;
  const NEW_USER = 'e2e_orgadm';
  const NEW_PASSWORD = 'Miyun-Org#2026x';

  async function activeMembers(query = '') {
    const list = await admin.call<{ items: { id: number; name: string; idNumberMasked: string; phoneMasked: string | null; orgId: number }[] }>('GET', `/members?status=active&pageSize=20&page=5${query}`);
    assert(list.items.length >= 2, 'there are active members to work with');
    return list.items;
  }

  test('members-users: admin edits a member’s phone; saved and shown masked', async () => {
    const [m] = await activeMembers();
    const before = await admin.call('POST', `/members/${m.id}/unmask`, {});
    const ctx = await newContext(1440);
    await apiLogin(ctx, 'admin', h.adminPassword);
    const p = await ctx.newPage();
    await p.goto(`${h.base()}/members?member=${m.id}`);
    await p.getByTestId('detail-name').waitFor();
    await p.getByTestId('member-edit').click();
    await p.waitForURL(`**/members/${m.id}/edit`);
    await p.getByLabel('姓名').waitFor();
    await p.waitForFunction(() => !!(document.querySelector('input#name') as HTMLInputElement | null)?.value, undefined, { timeout: 5000 }).catch(() => { });
    eq(await p.getByLabel('姓名').inputValue(), m.name, 'name prefilled');
    eq(await p.getByLabel('身份证号码').inputValue(), m.idNumberMasked, 'ID number shown masked');
    eq(await p.getByLabel('手机号码').inputValue(), m.phoneMasked ?? '', 'mobile shown masked');
    // Live validation with the shared validator.
    await p.getByLabel('手机号码').fill('12345');
    await p.getByText('手机号码应为以1开头的11位数字').waitFor();
    await p.getByLabel('手机号码').fill('13612345678');
    await p.getByText('手机号码应为以1开头的11位数字').waitFor({ state: 'detached' });
    await shoot(p, 'member-edit', 1440);
    await p.getByRole('button', { name: /保\s*存/ }).click();
    await p.waitForURL(`**/members?member=${m.id}`);
    await p.getByTestId('detail-name').waitFor();
    await p.locator('.ant-drawer').getByText('136****5678').waitFor();
    const after = await admin.call('POST', `/members/${m.id}/unmask`, {});
    eq(after.phone, '13612345678', 'phone saved');
    eq(after.idNumber, before.idNumber, 'ID number unchanged when not retyped');
    // Phone width: the same form prefilled.
    const phone = await newContext(375);
    await apiLogin(phone, 'admin', h.adminPassword);
    const q = await phone.newPage();
    await q.goto(`${h.base()}/members/${m.id}/edit`);
    await q.getByLabel('姓名').waitFor();
    await shoot(q, 'member-edit', 375);
    const overflow = await q.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `member edit at 375px scrolls sideways by ${overflow}px`);
  });

  test('members-users: retain then restore membership; history shows both', async () => {
    const [, m] = await activeMembers();
    const ctx = await newContext(1440);
    await apiLogin(ctx, 'admin', h.adminPassword);
    const p = await ctx.newPage();
    await p.goto(`${h.base()}/members?member=${m.id}`);
    await p.getByTestId('detail-name').waitFor();
    const drawer = p.locator('.ant-drawer');
    eq(await drawer.getByRole('button', { name: '恢复会籍' }).count(), 0, 'no restore for an active member');
    await drawer.getByRole('button', { name: '保留会籍' }).click();
    const dialog = p.getByRole('dialog').filter({ hasText: '保留原因' });
    await dialog.getByLabel('失业').check();
    await dialog.getByLabel('说明').fill('企业停产');
    await shoot(p, 'member-retain', 1440);
    await dialog.getByRole('button', { name: '保留会籍' }).click();
    await p.waitForFunction(() => document.querySelector('[data-testid=detail-status]')?.textContent === '保留会籍');
    eq(await drawer.getByRole('button', { name: '保留会籍' }).count(), 0, 'no retain for a retained member');
    await drawer.getByRole('button', { name: '恢复会籍' }).click();
    const restore = p.getByRole('dialog').filter({ hasText: '恢复原因' });
    await restore.getByRole('button', { name: '恢复会籍' }).click();
    await restore.getByText('请填写原因').waitFor();
    await restore.getByLabel('恢复原因').fill('重新就业');
    await restore.getByRole('button', { name: '恢复会籍' }).click();
    await p.waitForFunction(() => document.querySelector('[data-testid=detail-status]')?.textContent === '在会');
    const timeline = drawer.locator('.ant-timeline');
    await timeline.getByText('恢复会籍').waitFor();
    await timeline.getByText('保留会籍').waitFor();
    const text = await timeline.innerText();
    assert(text.includes('失业：企业停产') && text.includes('重新就业'), `history shows both reasons: ${text}`);
    await drawer.getByRole('button', { name: /退\s*会/ }).click();
    await p.getByRole('dialog').filter({ hasText: '退会原因' }).getByText('退会后会籍终止').waitFor();
    await shoot(p, 'member-leave', 1440);
    await p.getByRole('dialog').filter({ hasText: '退会原因' }).getByRole('button', { name: /取\s*消/ }).click();
    const h2 = await admin.call('GET', `/members/${m.id}/history`);
    const events = h2.events.map((e: { event: string }) => e.event);
    assert(events.includes('retained') && events.includes('restored'), `history events: ${events.join(',')}`);
  });

  test('members-users: admin creates an org admin; forced password change; unmask grant', async () => {
    const tree = await admin.call<{ items: { id: number; name: string; type: string }[] }>('GET', '/orgs?tree=1');
    const town = tree.items.find((o) => o.type === 'town');
    assert(town, 'a town exists');
    const inTown = await admin.call<{ items: { id: number; name: string }[] }>('GET', `/members?orgId=${town.id}&status=active&pageSize=1`);
    const member = inTown.items[0];
    assert(member, 'the town has a member');

    const ctx = await newContext(1440);
    await apiLogin(ctx, 'admin', h.adminPassword);
    const p = await ctx.newPage();
    await p.goto(`${h.base()}/`);
    await p.getByRole('menu').first().getByText('用户与角色').click();
    await p.waitForURL('**/users');
    await p.getByTestId('user-row').first().waitFor();
    await shoot(p, 'users', 1440);
    await p.getByRole('button', { name: '新建用户' }).click();
    const dialog = p.getByRole('dialog').filter({ hasText: '新建用户' });
    // Under CI load the modal's opening animation can outlast the default wait.
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: /创\s*建/ }).click({ timeout: 30_000 });
    await dialog.getByText('请填写用户名').waitFor();
    await dialog.getByText('该角色须指定所属组织').waitFor();
    await dialog.getByLabel('用户名').fill(NEW_USER);
    await dialog.getByLabel('姓名').fill('测试组织管理员');
    await h.pickTreeOption(p, '所属组织', town.name, town.name);
    await shoot(p, 'user-new', 1440);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const pw = p.getByTestId('generated-password');
    await pw.waitFor();
    const password = (await pw.innerText()).trim();
    assert(password.length >= 8, 'a generated password is shown');
    await p.getByText('首次登录时必须修改密码').waitFor();
    await shoot(p, 'user-password', 1440);
    await p.getByRole('button', { name: '我已记下' }).click();
    await p.locator('tr.ant-table-row', { hasText: NEW_USER }).waitFor();

    // The new user signs in in a fresh browser and must change the password first.
    const uctx = await newContext(1440);
    const u = await uctx.newPage();
    await uiLogin(u, NEW_USER, password);
    await u.waitForURL('**/change-password');
    await u.getByLabel('当前密码').fill(password);
    await u.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await u.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await u.getByRole('button', { name: '修改密码' }).click();
    await u.waitForURL((url) => new URL(url).pathname === '/');
    await u.goto(`${h.base()}/members?member=${member.id}`);
    await u.getByTestId('detail-name').waitFor();
    await settle(u);
    eq(await u.getByRole('button', { name: '查看完整号码' }).count(), 0, 'no unmask before the grant');
    eq(await u.getByRole('menu').first().getByText('用户与角色').count(), 0, 'an org admin has no 用户与角色 entry');

    // The admin grants member.unmask.
    await p.getByLabel('搜索用户：用户名或姓名').fill(NEW_USER);
    await p.getByLabel('搜索用户：用户名或姓名').press('Enter');
    await p.waitForURL(`**/users?q=${NEW_USER}`);
    const row = p.locator('tr.ant-table-row', { hasText: NEW_USER });
    await row.waitFor();
    await row.getByRole('button', { name: `编辑 ${NEW_USER}` }).click();
    const edit = p.getByRole('dialog').filter({ hasText: '编辑用户' });
    await edit.getByLabel(/查看完整证件号码/).check();
    await shoot(p, 'user-edit', 1440);
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await p.getByText(`已保存用户 ${NEW_USER}`).waitFor();
    await row.getByText('查看完整号码').waitFor();

    await u.reload();
    await u.getByTestId('detail-name').waitFor();
    await u.getByRole('button', { name: '查看完整号码' }).waitFor();

    // Reset password: a new one is shown once and the user is signed out.
    await row.getByRole('button', { name: `重置 ${NEW_USER} 的密码` }).click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: /重\s*置/ }).click();
    const again = p.getByTestId('generated-password');
    await again.waitFor();
    assert((await again.innerText()).trim() !== password, 'a new password');
    const me = await uctx.request.get(`${h.base()}/api/v1/auth/me`);
    eq(me.status(), 401, 'the user is signed out after the reset');
  });

  test('members-users: roster filters by status, flags and enterpriseId from the URL', async () => {
    const ents = await admin.call<{ items: { id: number; name: string }[] }>('GET', '/enterprises?pageSize=50');
    let ent: { id: number; name: string } | undefined;
    let expected = 0;
    for (const e of ents.items) {
      const r = await admin.call<{ total: number }>('GET', `/members?enterpriseId=${e.id}&pageSize=1`);
      if (r.total > 0) { ent = e; expected = r.total; break; }
    }
    assert(ent, 'an enterprise with members exists');
    const ctx = await newContext(1440);
    await apiLogin(ctx, 'admin', h.adminPassword);
    const p = await ctx.newPage();
    await p.goto(`${h.base()}/members?enterpriseId=${ent.id}`);
    await p.getByTestId('filter-enterprise').getByText(ent.name).waitFor();
    await p.getByText(`共 ${expected} 名会员`).waitFor();
    await p.getByTestId('filter-industrial').click();
    await p.waitForURL((u) => new URL(u).searchParams.get('isIndustrial') === 'true' && new URL(u).searchParams.get('enterpriseId') === String(ent.id));
    const ind = await admin.call<{ total: number }>('GET', `/members?enterpriseId=${ent.id}&isIndustrial=true&pageSize=1`);
    await p.getByText(ind.total ? `共 ${ind.total} 名会员` : '没有找到符合条件的会员').waitFor();
    const href = await p.getByTestId('export-link').getAttribute('href');
    assert(href?.includes(`enterpriseId=${ent.id}`) && href.includes('isIndustrial=true'), `export link carries the filters: ${href}`);
    await p.getByTestId('filter-enterprise').locator('.ant-tag-close-icon').click();
    await p.waitForURL((u) => !new URL(u).searchParams.has('enterpriseId'));
    await shoot(p, 'members-filtered', 1440);
  });

  test('members-users: only user.manage sees 用户与角色; phone layout', async () => {
    const ctx = await newContext(1440);
    const p = await ctx.newPage();
    await uiLogin(p, 'town_admin', h.demoPassword);
    await p.getByTestId('overview-title').waitFor();
    const menu = await p.getByRole('menu').first().innerText();
    assert(!menu.includes('用户与角色'), 'a town admin does not see 用户与角色');
    await p.goto(`${h.base()}/users`);
    await p.getByText('无权访问').first().waitFor();

    const phone = await newContext(375);
    await apiLogin(phone, 'admin', h.adminPassword);
    const q = await phone.newPage();
    await q.goto(`${h.base()}/users`);
    await q.getByTestId('user-row').first().waitFor();
    await shoot(q, 'users', 375);
    const overflow = await q.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `users page at 375px scrolls sideways by ${overflow}px`);
    await q.getByRole('button', { name: /新\s*建/ }).click();
    await q.getByRole('dialog').getByLabel('用户名').waitFor();
    await shoot(q, 'user-new', 375);
    await q.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    const m = (await activeMembers())[2] ?? (await activeMembers())[0];
    await q.goto(`${h.base()}/members?member=${m.id}`);
    await q.getByTestId('detail-name').waitFor();
    await q.locator('.ant-drawer').getByRole('button', { name: '保留会籍' }).click();
    await q.getByRole('dialog').filter({ hasText: '保留原因' }).waitFor();
    await shoot(q, 'member-retain', 375);
  });
}
