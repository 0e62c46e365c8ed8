/**
 * E2E tests of the reform work system (产改): bureau user, tasks, progress report, overview.
 * Registered into run.ts's harness; helpers come through a getter (filled once the server is up).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { OrgTestHelpers } from './orgs.js';
import { DEMO_SUPERVISED_TITLE } from '../../src/server/modules/reform-tasks/reform-tasks.demo.js';

/** A real 1×1 PNG, the "photo" of the evidence. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function figure(p: Page, id: string): Promise<number> {
  return Number(await p.getByTestId(id).getAttribute('data-value'));
}

async function noSideScroll(p: Page, h: OrgTestHelpers, what: string) {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  h.assert(overflow <= 1, `${what} scrolls sideways by ${overflow}px`);
}

export function registerReformTests(test: (name: string, fn: () => Promise<void>) => void, helpers: () => OrgTestHelpers): void {
  test('reform: a bureau sees only its tasks, reports with evidence, and the district overview reflects it', async () => {
    const h = helpers();
    const { assert, eq } = h;
    const bureau = new h.Api();
    await bureau.login('unit_staff', h.DEMO_PASSWORD);
    const all = await h.admin.call('GET', '/reform/tasks?pageSize=200');
    const figs0 = await h.admin.call('GET', '/reform/figures');
    const target = (await h.admin.call('GET', `/reform/tasks?planId=${figs0.planId}&q=${encodeURIComponent(DEMO_SUPERVISED_TITLE)}`)).items[0];
    assert(target && target.status === 'overdue', 'the demo has the bureau\'s overdue task under supervision');
    const mine = await bureau.call('GET', `/reform/tasks?planId=${figs0.planId}&pageSize=200`);
    const me = await bureau.call('GET', '/auth/me');
    const unit = me.user.orgName as string;
    const other = (await h.admin.call('GET', `/reform/tasks?planId=${figs0.planId}&pageSize=200`)).items.find((t: { leadOrgName: string; coOrgNames: string[] }) => t.leadOrgName !== unit && !t.coOrgNames.includes(unit));
    assert(other, 'some task belongs to other units only');
    assert(mine.total > 0 && mine.total < all.total, `the bureau sees a part of the tasks (${mine.total} of ${all.total})`);

    // Signed in through the UI, the bureau's board lists its own tasks only.
    const ctx = await h.newContext(1440);
    const p = await ctx.newPage();
    await h.uiLogin(p, 'unit_staff', h.DEMO_PASSWORD);
    await p.waitForURL((u) => !u.pathname.startsWith('/login'));
    await p.goto(`${h.BASE}/reform/tasks?planId=${figs0.planId}&pageSize=100`);
    await p.getByTestId('task-row').first().waitFor();
    const rows = await p.getByTestId('task-row').count();
    eq(rows, mine.total, 'rows on the bureau\'s board');
    await h.shoot(p, 'reform-board-unit', 1440);
    await p.goto(`${h.BASE}/reform/tasks/${other.id}`);
    await p.getByText('无权访问').waitFor();
    await p.goto(`${h.BASE}/reform?planId=${figs0.planId}`);
    await p.getByTestId('due-next').waitFor();
    eq(await figure(p, 'fig-total'), mine.total, 'my tasks on the overview');
    await h.shoot(p, 'reform-overview-unit', 1440);

    // File the official 100 % report with a photo of the evidence.
    await p.goto(`${h.BASE}/reform/tasks/${target.id}`);
    await p.getByTestId('task-title').waitFor();
    await p.getByTestId('supervision-section').getByTestId('reply-supervision').waitFor();
    await h.shoot(p, 'reform-task-detail', 1440);
    await p.getByTestId('open-report').click();
    const drawer = p.locator('.ant-drawer-open');
    await drawer.getByTestId('report-content').fill('已完成全区工资集体协商要约和签约，共签订集体合同312份，超额完成目标。');
    await drawer.getByLabel('完成进度', { exact: true }).fill('100');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reform-e2e-')), '集体合同签订台账.png');
    fs.writeFileSync(file, PNG);
    await drawer.locator('input[type=file]').setInputFiles(file);
    await drawer.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').filter({ hasText: '集体合同签订台账.png' }).waitFor();
    await h.shoot(p, 'reform-report-drawer', 1440);
    await drawer.getByTestId('report-submit').click();
    await p.getByText('进展已报送').waitFor();
    await p.locator('[data-testid=status-tag][data-status=done]').first().waitFor();
    const report = p.getByTestId('report-item').filter({ hasText: '集体合同312份' });
    await report.getByRole('link', { name: '集体合同签订台账.png' }).waitFor();
    const href = await report.getByRole('link', { name: '集体合同签订台账.png' }).getAttribute('href');
    const dl = await ctx.request.get(`${h.BASE}${href}`);
    eq(dl.status(), 200, 'the bureau downloads its evidence');
    await ctx.close();

    // The district overview (admin) counts the task as done now.
    const actx = await h.newContext(1440);
    await h.apiLogin(actx, 'admin', h.ADMIN_PASSWORD);
    const a = await actx.newPage();
    await a.goto(`${h.BASE}/reform?planId=${figs0.planId}`);
    await a.getByTestId('fig-done').waitFor({ state: 'attached' });
    eq(await figure(a, 'fig-done'), figs0.totals.done + 1, 'done tasks on the district overview');
    eq(await figure(a, 'fig-overdue'), figs0.totals.overdue - 1, 'overdue tasks on the district overview');
    await a.getByRole('img', { name: /任务状态分布图/ }).locator('canvas').waitFor();
    await h.shoot(a, 'reform-overview', 1440);
    await a.goto(`${h.BASE}/reform/tasks/${target.id}`);
    await a.getByTestId('report-item').filter({ hasText: '集体合同312份' }).getByText('牵头单位·正式').waitFor();
    const seen = await actx.request.get(`${h.BASE}${href}`);
    eq(seen.status(), 200, 'district staff download the evidence');
    await a.goto(`${h.BASE}/reform/tasks?planId=${figs0.planId}`);
    await a.getByTestId('task-row').first().waitFor();
    await h.shoot(a, 'reform-board', 1440);
    await a.goto(`${h.BASE}/reform/plans`);
    await a.getByRole('link', { name: /年产业工人队伍建设改革工作计划/ }).first().click();
    await a.getByTestId('task-import').waitFor();
    await h.shoot(a, 'reform-plan', 1440);
    await a.goto(`${h.BASE}/reform/plans`);
    await a.getByRole('table').waitFor();
    await h.shoot(a, 'reform-plans', 1440);
    await actx.close();
  });

  test('reform: pages at 375 px', async () => {
    const h = helpers();
    const figs = await h.admin.call('GET', '/reform/figures');
    const someTask = (await h.admin.call('GET', `/reform/tasks?planId=${figs.planId}&status=at_risk`)).items[0] ?? (await h.admin.call('GET', `/reform/tasks?planId=${figs.planId}`)).items[0];
    const ctx = await h.newContext(375);
    await h.apiLogin(ctx, 'admin', h.ADMIN_PASSWORD);
    const p = await ctx.newPage();
    const pages: [string, string, string][] = [
      [`/reform?planId=${figs.planId}`, 'fig-total', 'reform-overview'],
      [`/reform/tasks?planId=${figs.planId}`, 'task-row', 'reform-board'],
      [`/reform/tasks/${someTask.id}`, 'task-title', 'reform-task-detail'],
      ['/reform/plans', '', 'reform-plans'],
      [`/reform/plans/${someTask.planId}`, 'task-import', 'reform-plan'],
    ];
    for (const [url, testId, name] of pages) {
      await p.goto(`${h.BASE}${url}`);
      if (testId) await p.getByTestId(testId).first().waitFor({ state: 'attached' });
      else await p.getByRole('table').waitFor();
      await h.settle(p);
      await noSideScroll(p, h, name);
      await h.shoot(p, name, 375);
    }
    await ctx.close();
    const uctx = await h.newContext(375);
    await h.apiLogin(uctx, 'unit_staff', h.DEMO_PASSWORD);
    const u = await uctx.newPage();
    await u.goto(`${h.BASE}/reform?planId=${figs.planId}`);
    await u.getByTestId('due-next').waitFor();
    await noSideScroll(u, h, 'reform-overview-unit');
    await h.shoot(u, 'reform-overview-unit', 375);
    await u.goto(`${h.BASE}/reform/tasks?planId=${figs.planId}`);
    await u.getByTestId('task-row').first().waitFor();
    await h.shoot(u, 'reform-board-unit', 375);
    await uctx.close();
  });
}
