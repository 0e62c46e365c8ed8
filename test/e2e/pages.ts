/**
 * Every console page of the reform and assistance modules, opened by the district admin at
 * 1440 and 375 px: it must render without an error and without sideways scrolling, and a
 * screenshot is saved (the flows themselves are tested in reform.ts and assistance.ts).
 */
import type { OrgTestHelpers } from './orgs.js';

async function firstId(h: OrgTestHelpers, path: string): Promise<number | undefined> {
  const r = await h.admin.call<{ items: { id: number }[] }>('GET', path);
  return r.items[0]?.id;
}

export function registerPageTours(test: (name: string, fn: () => Promise<void>) => void, h: () => OrgTestHelpers): void {
  test('pages: every reform and assistance page renders for the district at both widths', async () => {
    const x = h();
    const ids = {
      hardship: await firstId(x, '/hardship/records?pageSize=1'),
      aid: await firstId(x, '/aid/applications?pageSize=1'),
      batch: await firstId(x, '/payments/batches?pageSize=1'),
      campaign: await firstId(x, '/aid/campaigns?pageSize=1'),
      application: await firstId(x, '/applications?pageSize=1'),
    };
    x.assert(ids.hardship && ids.aid && ids.batch && ids.campaign && ids.application, `the demo has records on every list: ${JSON.stringify(ids)}`);
    const pages: [string, string][] = [
      ['workflow-queue', '/workflow/queue'],
      ['workflow-all', '/workflow/queue?view=all'],
      ['workflow-steps', '/workflow/queue?view=steps'],
      ['application', `/applications/${ids.application}`],
      ['hardship-list', '/hardship'],
      ['hardship-new', '/hardship/new'],
      ['hardship-review-due', '/hardship/review-due'],
      ['hardship-thresholds', '/hardship/thresholds'],
      ['hardship-detail', `/hardship/${ids.hardship}`],
      ['aid-applications', '/aid/applications'],
      ['aid-application', `/aid/applications/${ids.aid}`],
      ['aid-apply', '/aid/apply'],
      ['aid-payments', '/aid/payments'],
      ['aid-payment', `/aid/payments/${ids.batch}`],
      ['aid-campaigns', '/aid/campaigns'],
      ['aid-campaign', `/aid/campaigns/${ids.campaign}`],
      ['aid-figures', '/aid/figures'],
      ['aid-rules', '/aid/rules'],
      ['reform-groups', '/reform/groups'],
      ['reform-documents', '/reform/documents'],
      ['reform-meetings', '/reform/meetings'],
      ['reform-budget', '/reform/budget'],
      ['activities', '/activities'],
    ];
    for (const width of [1440, 375]) {
      const ctx = await x.newContext(width);
      await x.apiLogin(ctx, 'admin', x.ADMIN_PASSWORD);
      const p = await ctx.newPage();
      for (const [name, path] of pages) {
        await p.goto(`${x.BASE}${path}`);
        await x.settle(p);
        const alerts = await p.locator('[role="alert"].ant-alert-error, .ant-result-403, .ant-result-404').count();
        x.eq(alerts, 0, `${path} shows an error`);
        if (width === 375) {
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          x.assert(overflow <= 1, `${path} scrolls sideways by ${overflow}px at 375`);
        }
        await x.shoot(p, `tour-${name}`, width);
      }
      await ctx.close();
    }
  });
}
