/**
 * E2E tests of the assistance: worker portal /m at phone width, review in the console, payment batch.
 * Registered into run.ts's harness; helpers come through a getter (filled once the server is up).
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { OrgTestHelpers } from './orgs.js';

const PORTAL_PAGES = ['/m', '/m/apply', '/m/apply/aid/living', '/m/apply/claim', '/m/applications', '/m/me'] as const;

/** A real (tiny) PNG: a 24×16 gradient, so the upload goes through the server's magic-byte check. */
function makePng(width = 24, height = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const o = y * (1 + width * 3);
    for (let x = 0; x < width; x++) rows.set([200, (x * 10) % 256, (y * 15) % 256], o + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function noSideScroll(p: Page, h: OrgTestHelpers, what: string) {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  h.assert(overflow <= 1, `${what} scrolls sideways by ${overflow}px`);
}

/** The API client's session, for a download the JSON client cannot read. */
async function download(h: OrgTestHelpers, api: unknown, path: string): Promise<Buffer> {
  const { cookie } = api as { cookie: string };
  const r = await fetch(`${h.BASE}/api/v1${path}`, { headers: { cookie } });
  h.assert(r.ok, `GET ${path}: ${r.status}`);
  h.assert(/spreadsheetml/.test(r.headers.get('content-type') ?? ''), `${path} is an xlsx`);
  return Buffer.from(await r.arrayBuffer());
}

/**
 * 生活救助 needs an open, verified hardship file in tier deep or relative. When the demo data gave the
 * demo member none, the union builds one and the town verifies it (the builder may not verify).
 */
async function ensureHardshipFile(h: OrgTestHelpers) {
  const member = new h.Api();
  const me = await member.login('member', h.DEMO_PASSWORD);
  const mine = await member.call('GET', '/hardship/mine');
  const r = mine.record;
  if (r && r.status === 'open' && r.verified && /深度|相对/.test(r.tierName)) return;
  const union = new h.Api();
  await union.login('union_admin', h.DEMO_PASSWORD);
  const file = {
    personId: me.user.personId, identity: 'employed', mainCause: 'illness', causes: ['illness'],
    household: [{ name: '李芳', relation: 'spouse', birthDate: '1982-05-01', health: { conditions: ['cancer'] } }],
    incomes: [{ kind: 'wage', amountFen: 150_000, period: 'month' }], expenses: [], note: 'E2E：配偶患病',
  };
  const created = await union.call('POST', '/hardship/records', file).catch(async (err: Error) => {
    if (!/THRESHOLDS_MISSING/.test(err.message)) throw err;
    // No yearly standard yet: the district sets Beijing's 低保 (1,450 yuan a month) with the 1×/2×/3× tiers.
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    await h.admin.call('PUT', `/hardship/thresholds/${year}`, { dibaoFen: 145_000, deepPct: 100, relativePct: 200, accidentPct: 300, accidentCostPct: 80, note: 'E2E' });
    return union.call('POST', '/hardship/records', file);
  });
  const town = new h.Api();
  await town.login('town_admin', h.DEMO_PASSWORD);
  await town.call('POST', `/hardship/records/${created.id}/verify`, { comment: '入户核实' });
  const after = (await member.call('GET', '/hardship/mine')).record;
  h.assert(after?.verified && /深度|相对/.test(after.tierName), `the demo member's hardship file is verified deep/relative (got ${JSON.stringify(after)})`);
}

export function registerAssistanceTests(test: (name: string, fn: () => Promise<void>) => void, h: () => OrgTestHelpers): void {
  test('assistance: a worker applies on the phone, three levels approve, the batch is paid and the worker sees 已发放', async () => {
    const { assert, eq, BASE, DEMO_PASSWORD } = h();
    const helpers = h();
    await ensureHardshipFile(helpers);

    // The worker signs in on a phone and lands on the portal.
    const phone = await helpers.newContext(375);
    const p = await phone.newPage();
    await helpers.uiLogin(p, 'member', DEMO_PASSWORD);
    await p.waitForURL(`${BASE}/m`);
    await p.getByTestId('m-membership').waitFor();
    await noSideScroll(p, helpers, 'portal home');

    // 办事 → 生活救助: reason, amount, a photo, the bank account.
    await p.getByRole('link', { name: '办事' }).click();
    await p.getByTestId('m-aid-living').click();
    await p.waitForURL(/\/m\/apply\/aid\/living$/);
    await p.getByLabel('申请理由').fill('配偶长期患病，家庭人均收入低，生活困难');
    await p.getByLabel('申请金额（元）').fill('1500');
    await p.locator('input[type=file]').setInputFiles({ name: '困难证明.png', mimeType: 'image/png', buffer: makePng() });
    await p.locator('.ant-upload-list-item-done, .ant-upload-list-item-container img').first().waitFor();
    await p.getByLabel('开户银行').fill('北京银行密云支行');
    await p.getByLabel('银行卡号').fill('6214 8801 2345 6789');
    await p.getByTestId('aid-submit').click();
    await p.waitForURL(/\/m\/applications\/\d+$/);
    const id = Number(/\/m\/applications\/(\d+)$/.exec(p.url())![1]);
    await p.getByTestId('m-outcome').filter({ hasText: '审批' }).waitFor();
    await noSideScroll(p, helpers, 'portal application');

    // The grassroots union approves in the console, by clicking.
    const desk = await helpers.newContext(1440);
    await helpers.apiLogin(desk, 'union_admin', DEMO_PASSWORD);
    const c = await desk.newPage();
    await c.goto(`${BASE}/applications/${id}`);
    await c.getByRole('button', { name: /同\s*意/ }).click();
    await c.getByText('已同意').waitFor();
    await helpers.shoot(c, 'assistance-grassroots-approved', 1440);

    // The town and the district approve through the API.
    const town = new helpers.Api();
    await town.login('town_admin', DEMO_PASSWORD);
    await town.call('POST', `/applications/${id}/decide`, { action: 'approve', comment: '情况属实' });
    await helpers.admin.call('POST', `/applications/${id}/decide`, { action: 'approve', comment: '同意发放' });
    const approved = await helpers.admin.call('GET', `/applications/${id}`);
    eq(approved.status, 'approved', 'status after three approvals');
    eq(approved.steps.length, 3, 'grassroots, town and district steps');

    // The district pays it in a batch: bank file first, then marked paid.
    const batch = await helpers.admin.call('POST', '/payments/batches', { applicationIds: [id], title: 'E2E 生活救助发放' });
    const xlsx = await download(helpers, helpers.admin, `/payments/batches/${batch.id}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => { cells.push(cell.text); }));
    assert(cells.some((t) => t.replace(/\s/g, '') === '6214880123456789'), 'the bank file holds the full account number');
    assert(cells.some((t) => /1,?500(\.00)?/.test(t)), 'the bank file holds the amount');
    await helpers.admin.call('POST', `/payments/batches/${batch.id}/paid`, {});

    // Back on the phone: 已发放.
    await p.reload();
    await p.getByTestId('m-outcome').filter({ hasText: '已发放' }).waitFor();
    await helpers.shoot(p, 'portal-application-paid', 375);
    await p.goto(`${BASE}/m/applications`);
    await p.getByTestId('m-application').filter({ hasText: '已发放' }).first().waitFor();
  });

  test('assistance: a mutual-aid claim from the phone shows its arithmetic; the console holds the plans and figures', async () => {
    const helpers = h();
    const { BASE, DEMO_PASSWORD } = helpers;
    const phone = await helpers.newContext(375);
    await helpers.apiLogin(phone, 'member', DEMO_PASSWORD);
    const p = await phone.newPage();
    await p.goto(`${BASE}/m/apply/claim`);
    await p.getByLabel('保障计划').click();
    await p.locator('.ant-select-item-option').filter({ hasText: '意外伤害' }).click();
    await p.getByLabel('疾病诊断 / 事故原因').fill('上班途中扭伤脚踝');
    await p.getByLabel('医院').fill('北京市密云区医院');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await p.getByLabel('入院/就诊日期').fill(today);
    await p.getByLabel('总费用（元）').fill('1,200.50');
    await p.getByLabel('医保支付（元）').fill('700');
    // 意外伤害: base 500.50 − 100.00 = 400.50 × 80 % = 320.40
    await p.getByTestId('claim-preview').filter({ hasText: '320.40' }).waitFor();
    await p.locator('input[type=file]').setInputFiles({ name: '门诊票据.png', mimeType: 'image/png', buffer: makePng(32, 20) });
    await p.locator('.ant-upload-list-item-done, .ant-upload-list-item-container img').first().waitFor();
    await p.getByTestId('claim-submit').click();
    await p.waitForURL(/\/m\/applications\/\d+$/);
    await p.getByTestId('calc-lines').filter({ hasText: '320.40' }).waitFor();
    await noSideScroll(p, helpers, 'claim detail');
    await helpers.shoot(p, 'portal-claim', 375);

    // Every portal page at both widths.
    for (const width of [375, 1440]) {
      const ctx = await helpers.newContext(width);
      await helpers.apiLogin(ctx, 'member', DEMO_PASSWORD);
      const pg = await ctx.newPage();
      for (const path of PORTAL_PAGES) {
        await pg.goto(`${BASE}${path}`);
        await helpers.settle(pg);
        await noSideScroll(pg, helpers, `${path} at ${width}`);
        await helpers.shoot(pg, `portal${path.replace(/\//g, '-').replace(/^-m/, '') || '-home'}`, width);
      }
      const first = pg.getByTestId('m-application').first();
      await pg.goto(`${BASE}/m/applications`);
      await first.click();
      await pg.getByTestId('m-outcome').waitFor();
      await helpers.shoot(pg, 'portal-application-detail', width);
    }

    // The console: claims list, a claim, figures, enrolment, plans — district and town.
    for (const [user, password] of [['admin', helpers.ADMIN_PASSWORD], ['town_admin', DEMO_PASSWORD]] as const) {
      for (const width of [1440, 375]) {
        const ctx = await helpers.newContext(width);
        await helpers.apiLogin(ctx, user, password);
        const pg = await ctx.newPage();
        await pg.goto(`${BASE}/mutual-aid`);
        await pg.getByTestId('claim-row').first().waitFor();
        await noSideScroll(pg, helpers, `mutual-aid list (${user}, ${width})`);
        await helpers.shoot(pg, `mutual-aid-claims-${user}`, width);
        await pg.getByTestId('claim-row').first().getByRole('link').first().click();
        await pg.getByTestId('calc-lines').waitFor();
        await helpers.shoot(pg, `mutual-aid-claim-${user}`, width);
        for (const sub of ['figures', 'enrolments', 'plans']) {
          await pg.goto(`${BASE}/mutual-aid/${sub}`);
          await helpers.settle(pg);
          if (sub === 'figures') await pg.getByTestId('claim-figures').waitFor();
          await noSideScroll(pg, helpers, `mutual-aid ${sub} (${user}, ${width})`);
          await helpers.shoot(pg, `mutual-aid-${sub}-${user}`, width);
        }
      }
    }
  });
}
