// Import benchmark, run in its own process by run.ts so its RSS is the import's alone.
// Exactly what the platform does: bootstrap() the database as the server does (PGlite in a
// data folder, or PostgreSQL with the server's pool), load the demo organisation tree and
// enterprises without members, register an import of the roster into one grassroots union
// (createMemberImport) and run it (runMemberImport, as the server's ImportQueue does).

import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { systemActor } from '../src/server/access/actor.js';
import { seedDemo } from '../src/server/modules/demo/demo.seed.js';
import { demoOrgs } from '../src/server/demo/generate.js';
import { createMemberImport, getImport, importDir } from '../src/server/modules/imports/imports.service.js';
import { runMemberImport } from '../src/server/modules/imports/member-import.js';
import { childArgs, lifetimeMaxRss, log, mib, RssSampler, send } from './lib.js';

async function main() {
  const args = childArgs();
  const tag = `${args.db} import`;
  const sampler = new RssSampler(200).start();
  const { ctx, database } = await bootstrap({ ...loadConfig({}), dataDir: args.dataDir, databaseUrl: args.databaseUrl });
  try {
    const actor = systemActor('bench');
    const { orgIds } = await seedDemo(ctx, actor, { members: 0 });
    const target = demoOrgs().find((o) => o.type === 'grassroots')!;
    const orgId = orgIds.get(target.key)!;

    // The upload: the server first writes it to a temporary file in the import folder.
    const upload = path.join(importDir(ctx), `upload-bench-${process.pid}.xlsx`);
    fs.copyFileSync(args.roster!, upload);
    const { id, file } = await createMemberImport(ctx, actor, orgId, { tmpPath: upload, filename: path.basename(args.roster!) });

    const rssBefore = sampler.sample();
    sampler.peak = rssBefore;
    log(tag, `importing ${args.members.toLocaleString('en-US')} rows into “${target.name}” (org ${orgId}); RSS before ${mib(rssBefore)} MiB`);
    let lastLog = 0;
    const t0 = performance.now();
    const progress = await runMemberImport(ctx, actor, id, file, (p) => {
      const now = performance.now();
      if (now - lastLog < 10_000) return;
      lastLog = now;
      const s = (now - t0) / 1000;
      log(tag, `${p.total.toLocaleString('en-US')} rows, ${Math.round(p.total / s).toLocaleString('en-US')} rows/s, RSS ${mib(sampler.sample())} MiB (peak ${mib(sampler.peak)})`);
    });
    const seconds = (performance.now() - t0) / 1000;
    const peakRss = sampler.stop();

    const result = await getImport(ctx, actor, id, 5);
    const counted = await ctx.db.selectFrom('org_member_counts').select('members').where('org_id', '=', orgId).executeTakeFirst();
    const persons = await ctx.db.selectFrom('persons').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const ok = result.status === 'done' && result.imported === args.members && result.rejected === 0 && counted?.members === args.members && persons.n === args.members;
    log(tag, `${result.status}: ${result.imported} imported, ${result.rejected} rejected in ${seconds.toFixed(1)} s → ${Math.round(result.imported / seconds)} rows/s, peak RSS ${mib(peakRss)} MiB${ok ? '' : '  ** UNEXPECTED COUNTS **'}`);
    await send({
      type: 'result',
      data: {
        org: target.name,
        orgId,
        rows: args.members,
        status: result.status,
        message: result.message,
        total: progress.total,
        imported: result.imported,
        rejected: result.rejected,
        firstErrors: result.errors,
        countsConsistent: ok,
        seconds: Math.round(seconds * 100) / 100,
        rowsPerSecond: Math.round(result.imported / seconds),
        rssBeforeMiB: mib(rssBefore),
        peakRssMiB: mib(peakRss),
        kernelMaxRssMiB: mib(lifetimeMaxRss()),
      },
    });
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  async (err) => {
    log('import', `failed: ${(err as Error).stack ?? err}`);
    await send({ type: 'error', message: String((err as Error).message ?? err) }).catch(() => undefined);
    process.exit(1);
  },
);
