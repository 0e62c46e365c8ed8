// Import benchmark, in two processes started by run.ts. Exactly what the platform does:
// prepare: bootstrap() a fresh database as the server does (PGlite in a data folder, or
//   PostgreSQL with the server's pool), load the demo organisation tree and enterprises
//   without members, and register an upload of the roster into one grassroots union
//   (createMemberImport);
// import: a new process opens that database (bootstrap) and runs the import
//   (runMemberImport, as the server's ImportQueue does), so its peak RSS is the import's,
//   not PGlite's one-off initdb.

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
import { childArgs, lifetimeMaxRss, log, mib, RssSampler, send, startProfile, type ChildArgs } from './lib.js';

async function main() {
  const args = childArgs();
  return args.phase === 'prepare' ? prepare(args) : runImport(args);
}

/** Phase 1 (its own process): the database with the tree and enterprises, and the registered upload. */
async function prepare(args: ChildArgs) {
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
    await send({ type: 'result', data: { importId: id, file, org: target.name, orgId } });
  } finally {
    await database.close();
  }
}

/**
 * Phase 2 (a fresh process, so the kernel's max RSS is the import's): open the existing
 * database as the server does at start-up, then run the queued import.
 */
async function runImport(args: ChildArgs) {
  const tag = `${args.db} import`;
  const sampler = new RssSampler(200).start();
  const { ctx, database } = await bootstrap({ ...loadConfig({}), dataDir: args.dataDir, databaseUrl: args.databaseUrl });
  try {
    const actor = systemActor('bench');
    const { importId: id, file, orgId, org } = args.prepared!;
    const rssBefore = sampler.sample();
    log(tag, `importing ${args.members.toLocaleString('en-US')} rows into “${org}” (org ${orgId}); RSS after opening the database ${mib(rssBefore)} MiB`);
    let lastLog = 0;
    const stopProfile = args.profile ? await startProfile() : undefined;
    const t0 = performance.now();
    const progress = await runMemberImport(ctx, actor, id, file, (p) => {
      const now = performance.now();
      if (now - lastLog < 10_000) return;
      lastLog = now;
      const s = (now - t0) / 1000;
      const mem = process.memoryUsage();
      log(tag, `${p.total.toLocaleString('en-US')} rows, ${Math.round(p.total / s).toLocaleString('en-US')} rows/s, RSS ${mib(sampler.sample())} MiB (peak ${mib(sampler.peak)}; JS heap ${mib(mem.heapUsed)}/${mib(mem.heapTotal)}, array buffers incl. WASM ${mib(mem.arrayBuffers)})`);
    });
    const seconds = (performance.now() - t0) / 1000;
    await stopProfile?.(args.profile!, tag);
    const sampledPeak = sampler.stop();
    const kernelPeak = lifetimeMaxRss();
    const mem = process.memoryUsage();

    const result = await getImport(ctx, actor, id, 5);
    const counted = await ctx.db.selectFrom('org_member_counts').select('members').where('org_id', '=', orgId).executeTakeFirst();
    const persons = await ctx.db.selectFrom('persons').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const ok = result.status === 'done' && result.imported === args.members && result.rejected === 0 && counted?.members === args.members && persons.n === args.members;
    const peak = Math.max(sampledPeak, kernelPeak);
    log(tag, `${result.status}: ${result.imported} imported, ${result.rejected} rejected in ${seconds.toFixed(1)} s → ${Math.round(result.imported / seconds)} rows/s, peak RSS ${mib(peak)} MiB${ok ? '' : '  ** UNEXPECTED COUNTS **'}`);
    await send({
      type: 'result',
      data: {
        org,
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
        rssAfterOpenMiB: mib(rssBefore),
        sampledPeakRssMiB: mib(sampledPeak),
        kernelMaxRssMiB: mib(kernelPeak),
        peakRssMiB: mib(peak),
        memoryAtEndMiB: { rss: mib(mem.rss), heapUsed: mib(mem.heapUsed), heapTotal: mib(mem.heapTotal), external: mib(mem.external), arrayBuffers: mib(mem.arrayBuffers) },
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
