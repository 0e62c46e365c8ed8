/**
 * E2E tests of the organisation management and enterprise pages, registered
 * into run.ts's harness. Helpers come through a getter because run.ts fills
 * BASE, rootId and friends only after the server is up.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { usccCheckChar } from '../../src/shared/uscc.js';

interface ApiLike {
  login(username: string, password: string): Promise<any>;
  call<T = any>(method: string, p: string, body?: unknown): Promise<T>;
}

export interface OrgTestHelpers {
  BASE: string;
  admin: ApiLike;
  Api: new () => ApiLike;
  rootId: number;
  townId: number;
  townName: string;
  ADMIN_PASSWORD: string;
  DEMO_PASSWORD: string;
  newContext(width: number): Promise<BrowserContext>;
  apiLogin(ctx: BrowserContext, username: string, password: string): Promise<void>;
  uiLogin(p: Page, username: string, password: string): Promise<void>;
  settle(p: Page): Promise<void>;
  shoot(p: Page, name: string, width: number): Promise<void>;
  pickTreeOption(p: Page, label: string, search: string, title: string): Promise<void>;
  assert(cond: unknown, message: string): void;
  eq<T>(actual: T, expected: T, what: string): void;
}

function creditCode(orgCode: string, prefix = '81'): string {
  const first17 = `${prefix}110118${orgCode}`;
  return first17 + usccCheckChar(first17);
}

async function noSideScroll(p: Page, h: OrgTestHelpers, what: string) {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  h.assert(overflow <= 1, `${what} scrolls sideways by ${overflow}px`);
}

export function registerOrgTests(test: (name: string, fn: () => Promise<void>) => void, helpers: () => OrgTestHelpers) {
  test('orgs: admin creates, edits, fails to move into a cycle and closes a union', async () => {
    const h = helpers();
    const { assert, eq } = h;
    const ctx = await h.newContext(1440);
    await h.apiLogin(ctx, 'admin', h.ADMIN_PASSWORD);
    const p = await ctx.newPage();
    await p.goto(`${h.BASE}/orgs?id=${h.townId}`);
    await p.getByTestId('org-detail-name').filter({ hasText: h.townName }).waitFor();
    const name = `E2E测试基层工会${Date.now() % 100000}`;

    // Create a grassroots union under the town.
    await p.getByRole('button', { name: '新建下级组织' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('组织名称').fill(name);
    await dialog.getByLabel('统一社会信用代码').fill('12345');
    await dialog.getByText(/应为18位/).waitFor();
    await dialog.getByLabel('统一社会信用代码').fill(creditCode('E2E000001', '91'));
    await dialog.getByText('工会法人统一社会信用代码应以81开头').waitFor();
    await dialog.getByLabel('统一社会信用代码').fill(creditCode('E2E000001'));
    await dialog.getByLabel('工会主席').fill('李四');
    const typeText = await dialog.locator('.ant-select').first().innerText();
    assert(typeText.includes('基层工会'), `default type is grassroots, got “${typeText}”`);
    await h.shoot(p, 'org-create', 1440);
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await p.getByText(`已新建 ${name}`).waitFor();
    await p.getByTestId('org-detail-name').filter({ hasText: name }).waitFor();
    const newId = Number(new URL(p.url()).searchParams.get('id'));
    const created = await h.admin.call('GET', `/orgs/${newId}`);
    eq(created.name, name, 'created name');
    eq(created.parentId, h.townId, 'created under the town');
    eq(created.type, 'grassroots', 'created type');
    await p.locator('.ant-tree').getByText(name).waitFor();

    // Edit: change the chair; the history tab shows the change.
    await p.getByRole('button', { name: '编辑' }).click();
    await p.getByRole('dialog').getByLabel('工会主席').fill('张三丰');
    await p.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await p.getByText(`已保存 ${name}`).waitFor();
    await p.getByTestId('org-detail').getByText('张三丰').waitFor();
    eq((await h.admin.call('GET', `/orgs/${newId}`)).chair, '张三丰', 'chair saved');
    await p.getByRole('tab', { name: '变更历史' }).click();
    const history = p.getByTestId('org-history');
    await history.getByText(/工会主席：李四 → 张三丰/).waitFor();
    await history.getByText('新建').first().waitFor();
    await h.shoot(p, 'org-history', 1440);

    // Move the town under its own new child: the server's cycle message is shown.
    await p.goto(`${h.BASE}/orgs?id=${h.townId}`);
    await p.getByTestId('org-detail-name').filter({ hasText: h.townName }).waitFor();
    await p.getByRole('button', { name: '移动' }).click();
    await h.pickTreeOption(p, '新的上级组织', name, name);
    await p.getByRole('dialog').getByRole('button', { name: /移\s*动/ }).click();
    const moveErr = p.getByTestId('org-move-error');
    await moveErr.waitFor();
    assert((await moveErr.innerText()).includes('不能把组织移动到它自己或它的下级组织之下'), `cycle message, got “${await moveErr.innerText()}”`);
    await h.shoot(p, 'org-move-cycle', 1440);
    eq((await h.admin.call('GET', `/orgs/${h.townId}`)).parentId, h.rootId, 'town not moved');
    await p.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

    // Closing the town is refused: it still has open children.
    await p.getByRole('button', { name: '撤销' }).click();
    await p.getByRole('dialog').getByLabel('撤销原因').fill('测试');
    await p.getByRole('dialog').getByRole('button', { name: '撤销组织' }).click();
    await p.getByTestId('org-close-error').getByText(/下级组织/).waitFor();
    await p.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

    // Close the new, empty union.
    await p.goto(`${h.BASE}/orgs?id=${newId}`);
    await p.getByTestId('org-detail-name').filter({ hasText: name }).waitFor();
    await p.getByRole('button', { name: '撤销' }).click();
    await p.getByRole('dialog').getByLabel('撤销原因').fill('企业注销，工会随之撤销');
    await p.getByRole('dialog').getByRole('button', { name: '撤销组织' }).click();
    await p.getByText(`已撤销 ${name}`).waitFor();
    await p.getByTestId('org-detail-name').getByText('已撤销').waitFor();
    const closed = await h.admin.call('GET', `/orgs/${newId}`);
    eq(closed.status, 'closed', 'status after closing');
    eq(await p.getByTestId('org-actions').count(), 0, 'no actions on a closed organisation');

    // Reform member units have their own filter.
    await p.goto(`${h.BASE}/orgs?kind=units`);
    await p.getByTestId('org-detail').waitFor();
    await h.settle(p);
    const all = await h.admin.call('GET', '/orgs?tree=1');
    const units = all.items.filter((o: { type: string }) => o.type === 'member_unit');
    if (units.length) {
      const treeText = await p.locator('.ant-tree').innerText();
      assert(treeText.includes(units[0].name), 'member units listed under 改革成员单位');
      const grassroots = all.items.find((o: { type: string }) => o.type === 'grassroots');
      assert(!treeText.includes(grassroots.name), 'unions hidden under 改革成员单位');
      await h.shoot(p, 'org-member-units', 1440);
    }
  });

  test('enterprises: list filters by hasUnion=false, profile opens, form keeps values on a server error', async () => {
    const h = helpers();
    const { assert, eq } = h;
    const ctx = await h.newContext(1440);
    await h.apiLogin(ctx, 'admin', h.ADMIN_PASSWORD);
    const p = await ctx.newPage();
    // The overview's enterprise card opens the list for the scope.
    await p.goto(`${h.BASE}/`);
    await p.getByTestId('overview-title').waitFor();
    await p.getByRole('link', { name: /^企业（已建会/ }).click();
    await p.waitForURL(`**/enterprises?orgId=${h.rootId}`);
    await p.getByRole('menu').first().getByText('企业', { exact: true }).waitFor();

    await p.goto(`${h.BASE}/enterprises`);
    await p.getByTestId('enterprise-total').getByText(/共 \d+ 家企业/).waitFor();
    await p.getByLabel('按建会情况筛选').click();
    await p.locator('.ant-select-dropdown:visible').getByText('未建会', { exact: true }).click();
    await p.waitForURL('**/enterprises?hasUnion=false');
    await h.settle(p);
    const api = await h.admin.call('GET', '/enterprises?hasUnion=false&pageSize=20');
    assert(api.total > 0, 'demo data has enterprises without a union');
    await p.getByTestId('enterprise-total').getByText(`共 ${api.total} 家企业`).waitFor();
    const rows = p.getByTestId('enterprise-row');
    eq(await rows.count(), Math.min(20, api.total), 'rows shown');
    for (const t of await rows.allInnerTexts()) assert(t.includes('未建会') && !t.includes('已建会'), `row without union: ${t}`);
    await h.shoot(p, 'enterprises', 1440);

    // The profile opens from the first row.
    const first = api.items[0];
    await rows.first().getByRole('link').first().click();
    await p.waitForURL(`**/enterprises/${first.id}`);
    eq(await p.getByTestId('enterprise-name').innerText(), first.name, 'profile name');
    const profile = await p.getByTestId('enterprise-profile').innerText();
    assert(profile.includes(first.creditCode) && profile.includes(first.orgName), 'profile shows credit code and covering union');
    eq(await p.getByTestId('enterprise-org-link').getAttribute('href'), `/orgs?id=${first.orgId}`, 'covering union link');
    eq(await p.getByTestId('enterprise-roster-link').getAttribute('href'), `/members?enterpriseId=${first.id}`, 'roster link');
    await h.shoot(p, 'enterprise-profile', 1440);

    // New enterprise: live credit-code check, then the server's duplicate refusal keeps the values.
    await p.goto(`${h.BASE}/enterprises/new`);
    await p.getByLabel('单位名称').fill('E2E重复代码公司');
    await p.getByLabel('统一社会信用代码').fill('91110118ABC');
    await p.getByText(/应为18位/).waitFor();
    await p.getByLabel('统一社会信用代码').fill(first.creditCode);
    await h.pickTreeOption(p, '所属工会', h.townName, h.townName);
    await p.getByLabel('职工人数').fill('35');
    await p.getByRole('button', { name: /新\s*建/ }).click();
    await p.getByTestId('form-error').waitFor();
    await p.getByText('已有单位使用该统一社会信用代码').first().waitFor();
    eq(await p.getByLabel('单位名称').inputValue(), 'E2E重复代码公司', 'name kept after a refusal');
    eq(await p.getByLabel('职工人数').inputValue(), '35', 'employees kept after a refusal');
    await h.shoot(p, 'enterprise-new-error', 1440);

    for (const [name, url] of [['enterprises', '/enterprises?hasUnion=false'], ['enterprise-profile', `/enterprises/${first.id}`], ['enterprise-edit', `/enterprises/${first.id}/edit`], ['orgs-detail', `/orgs?id=${h.townId}`]] as const) {
      const c = await h.newContext(375);
      await h.apiLogin(c, 'admin', h.ADMIN_PASSWORD);
      const q = await c.newPage();
      await q.goto(`${h.BASE}${url}`);
      await h.shoot(q, name, 375);
      await noSideScroll(q, h, `${name} at 375px`);
      await c.close();
    }
  });

  test('enterprises: a town admin sees only their own town\u2019s enterprises', async () => {
    const h = helpers();
    const { assert, eq } = h;
    const town = new h.Api();
    const me = await town.login('town_admin', h.DEMO_PASSWORD);
    const mine = await town.call('GET', '/enterprises?pageSize=200');
    const all = await h.admin.call('GET', '/enterprises?pageSize=1');
    assert(mine.total > 0 && mine.total < all.total, `town sees ${mine.total} of ${all.total}`);
    const tree = await town.call('GET', '/orgs?tree=1');
    const names = new Set(tree.items.map((o: { name: string }) => o.name));
    const ctx = await h.newContext(1440);
    await h.apiLogin(ctx, 'town_admin', h.DEMO_PASSWORD);
    const p = await ctx.newPage();
    await p.goto(`${h.BASE}/enterprises?pageSize=200`);
    await p.getByTestId('enterprise-total').getByText(`共 ${mine.total} 家企业`).waitFor();
    await h.settle(p);
    const rows = p.getByTestId('enterprise-row');
    eq(await rows.count(), Math.min(200, mine.total), 'rows shown');
    for (const r of await rows.all()) {
      const org = (await r.locator('td').last().innerText()).trim();
      assert(names.has(org), `row covered by ${org}, outside ${me.user.orgName}`);
    }
    await h.shoot(p, 'town-enterprises', 1440);
    // Another town's enterprise is refused.
    const others = await h.admin.call('GET', '/enterprises?pageSize=200');
    const foreign = others.items.find((e: { orgName: string }) => !names.has(e.orgName));
    if (foreign) {
      await p.goto(`${h.BASE}/enterprises/${foreign.id}`);
      await p.getByRole('alert').first().waitFor();
    }
  });
}
