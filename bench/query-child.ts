// Roster search, subtree figures and the list endpoint, run in its own process by run.ts.
// A fresh database gets the demo tree with N members spread over it by seedDemo (the
// realistic shape for searches and subtree figures); then the service functions are timed
// one call at a time; then the real app listens on loopback for run.ts's load test.

import { sql } from 'kysely';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { buildPermissions, systemActor, type Actor } from '../src/server/access/actor.js';
import { seedDemo } from '../src/server/modules/demo/demo.seed.js';
import { demoMembers, demoOrgs, DISTRICT_KEY } from '../src/server/demo/generate.js';
import { listMembers, type MemberListInput } from '../src/server/modules/members/members.service.js';
import { orgStats } from '../src/server/modules/orgs/orgs.service.js';
import { createUser } from '../src/server/modules/auth/users.service.js';
import { buildApp } from '../src/server/app.js';
import { childArgs, latencyStats, lifetimeMaxRss, log, mib, RssSampler, send, startProfile, type LatencyStats } from './lib.js';

const BENCH_USER = 'bench_admin';
const BENCH_PASSWORD = 'Bench-Pass-2026!';
const WARMUP = 5;

/** Deterministic pseudo-random numbers (mulberry32): the same queries on every run and database. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  name: string;
  idNumber: string;
}

/** Reservoir samples of real members: over the district, and inside one town's subtree. */
function sampleMembers(count: number, size: number, inTown: (orgKey: string) => boolean) {
  const rand = rng(20261124);
  const all: Sample[] = [];
  const town: Sample[] = [];
  let seenAll = 0;
  let seenTown = 0;
  const offer = (pool: Sample[], seen: number, s: Sample) => {
    if (pool.length < size) pool.push(s);
    else {
      const j = Math.floor(rand() * seen);
      if (j < size) pool[j] = s;
    }
  };
  for (const m of demoMembers({ count })) {
    const s = { name: m.name, idNumber: m.idNumber };
    offer(all, ++seenAll, s);
    if (inTown(m.orgKey)) offer(town, ++seenTown, s);
  }
  const pick = rng(7);
  const fragment = (name: string) => {
    const chars = [...name];
    if (chars.length <= 2) return name;
    const at = Math.floor(pick() * (chars.length - 1));
    return chars.slice(at, at + 2).join('');
  };
  return {
    all: all.map((s) => ({ ...s, fragment: fragment(s.name) })),
    town: town.map((s) => ({ ...s, fragment: fragment(s.name) })),
  };
}

interface Timed extends LatencyStats {
  /** mean of the result's total (how many members each query matched) */
  meanHits: number;
  /** share of queries with at least one hit */
  hitRate: number;
  /** the five slowest calls: what was asked, ms, total */
  slowest: { input: string; ms: number; hits: number }[];
}

async function timeCalls<T>(inputs: T[], call: (input: T) => Promise<number>, describe: (input: T) => string = String): Promise<Timed> {
  for (const input of inputs.slice(-WARMUP)) await call(input);
  const measured = inputs.slice(0, inputs.length - WARMUP);
  const ms: number[] = [];
  const calls: { input: string; ms: number; hits: number }[] = [];
  let hits = 0;
  let hitCount = 0;
  for (const input of measured) {
    const t0 = performance.now();
    const n = await call(input);
    const took = performance.now() - t0;
    ms.push(took);
    calls.push({ input: describe(input), ms: Math.round(took * 10) / 10, hits: n });
    hits += n;
    if (n > 0) hitCount++;
  }
  return {
    ...latencyStats(ms),
    meanHits: Math.round(hits / Math.max(1, measured.length)),
    hitRate: Math.round((hitCount / Math.max(1, measured.length)) * 1000) / 1000,
    slowest: calls.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

async function main() {
  const args = childArgs();
  const tag = `${args.db} query`;
  const queries = args.queries ?? 200;
  const sampler = new RssSampler(200).start();
  const { ctx, database } = await bootstrap({ ...loadConfig({}), dataDir: args.dataDir, databaseUrl: args.databaseUrl });
  let closeApp: (() => Promise<void>) | undefined;
  try {
    const admin = systemActor('bench');

    // ---- seed N members over the demo tree
    log(tag, `seeding the demo tree with ${args.members.toLocaleString('en-US')} members (seedDemo)`);
    let lastLog = performance.now();
    const t0 = performance.now();
    const { orgIds } = await seedDemo(ctx, admin, {
      members: args.members,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastLog < 15_000) return;
        lastLog = now;
        log(tag, `seeded ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.round(done / ((now - t0) / 1000))} rows/s, RSS ${mib(sampler.sample())} MiB)`);
      },
    });
    const seedSeconds = (performance.now() - t0) / 1000;
    log(tag, `seeded in ${seedSeconds.toFixed(1)} s (${Math.round(args.members / seedSeconds)} rows/s)`);
    let analyzeSeconds: number | null = null;
    if (args.analyze) {
      const a0 = performance.now();
      await sql`analyze`.execute(ctx.db);
      analyzeSeconds = Math.round((performance.now() - a0) / 100) / 10;
      log(tag, `ANALYZE took ${analyzeSeconds} s`);
    }

    // ---- the town of the demo's town_admin (鼓楼街道), and every town
    const orgs = demoOrgs();
    const byKey = new Map(orgs.map((o) => [o.key, o]));
    const townOf = (key: string): string | null => {
      for (let o = byKey.get(key); o; o = o.parentKey ? byKey.get(o.parentKey) : undefined) if (o.type === 'town') return o.key;
      return null;
    };
    const towns = orgs.filter((o) => o.type === 'town');
    const home = towns.find((t) => /鼓楼街道/.test(t.name)) ?? towns[0];
    const homeId = orgIds.get(home.key)!;
    const homeRow = await ctx.db.selectFrom('orgs').select(['path']).where('id', '=', homeId).executeTakeFirstOrThrow();
    const townAdmin: Actor = {
      userId: 0, username: 'bench_town', role: 'org_admin', orgId: homeId, orgPath: homeRow.path, personId: null,
      permissions: buildPermissions('org_admin', []),
    };
    const townKeyCache = new Map<string, boolean>();
    const inHome = (orgKey: string) => {
      let v = townKeyCache.get(orgKey);
      if (v === undefined) townKeyCache.set(orgKey, (v = townOf(orgKey) === home.key));
      return v;
    };
    const samples = sampleMembers(args.members, queries + WARMUP, inHome);
    log(tag, `query samples: ${samples.all.length} district-wide, ${samples.town.length} in ${home.name}`);

    const list = (actor: Actor, input: Omit<MemberListInput, 'page' | 'pageSize'>) => listMembers(ctx, actor, { page: 1, pageSize: 20, ...input }).then((r) => r.total);
    const townIds = towns.map((t) => orgIds.get(t.key)!);
    const cycle = <T>(xs: T[]) => Array.from({ length: queries + WARMUP }, (_, i) => xs[i % xs.length]);

    const search: Record<string, Timed> = {};
    const run = async (key: string, what: string, fn: () => Promise<Timed>) => {
      search[key] = await fn();
      const s = search[key];
      log(tag, `${what}: p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms (mean hits ${s.meanHits}, hit rate ${s.hitRate}); slowest: ${s.slowest.slice(0, 3).map((c) => `${c.input} ${c.ms} ms/${c.hits} hits`).join(', ')}`);
    };
    const fragment = (s: { fragment: string }) => s.fragment;
    const masked = (s: { idNumber: string }) => `${s.idNumber.slice(0, 6)}********${s.idNumber.slice(14)}`;
    const townName = new Map(towns.map((t) => [orgIds.get(t.key)!, t.name]));
    const orgLabel = (id: number) => `${id} ${townName.get(id) ?? ''}`.trim();
    await run('nameDistrict', 'name fragment, district admin', () => timeCalls(samples.all, (s) => list(admin, { q: s.fragment }), fragment));
    await run('nameTown', `name fragment, ${home.name} admin`, () => timeCalls(samples.town, (s) => list(townAdmin, { q: s.fragment }), fragment));
    await run('idDistrict', 'full ID number, district admin', () => timeCalls(samples.all, (s) => list(admin, { q: s.idNumber }), masked));
    await run('idTown', `full ID number, ${home.name} admin`, () => timeCalls(samples.town, (s) => list(townAdmin, { q: s.idNumber }), masked));
    await run('subtreeDistrict', 'subtree (orgId = a town), district admin', () => timeCalls(cycle(townIds), (id) => list(admin, { orgId: id }), orgLabel));
    await run('subtreeTown', `own subtree (no filter), ${home.name} admin`, () => timeCalls(cycle([homeId]), () => list(townAdmin, {}), () => home.name));

    const rootId = orgIds.get(DISTRICT_KEY)!;
    const figures: Record<string, Timed> = {};
    const half = Math.ceil(queries / 2) + WARMUP;
    figures.root = await timeCalls(Array.from({ length: half }, () => rootId), (id) => orgStats(ctx, admin, id).then((r) => r.members), orgLabel);
    log(tag, `figures (orgStats) district root: p50 ${figures.root.p50} ms, p95 ${figures.root.p95} ms (members ${figures.root.meanHits})`);
    figures.towns = await timeCalls(Array.from({ length: half }, (_, i) => townIds[i % townIds.length]), (id) => orgStats(ctx, admin, id).then((r) => r.members), orgLabel);
    log(tag, `figures (orgStats) towns: p50 ${figures.towns.p50} ms, p95 ${figures.towns.p95} ms`);

    await send({
      type: 'result',
      data: {
        seed: { members: args.members, seconds: Math.round(seedSeconds * 10) / 10, rowsPerSecond: Math.round(args.members / seedSeconds), peakRssMiB: mib(sampler.peak) },
        analyzed: !!args.analyze,
        analyzeSeconds,
        homeTown: home.name,
        queriesPerKind: queries,
        search,
        figures,
      },
    });

    // ---- the real app on loopback, for run.ts's autocannon
    await createUser(ctx, admin, { username: BENCH_USER, displayName: '基准测试', role: 'district_admin', password: BENCH_PASSWORD, mustChangePassword: false });
    const { app, imports } = await buildApp(ctx);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    closeApp = async () => {
      await imports.idle();
      await app.close();
    };
    sampler.peak = sampler.sample();
    log(tag, `app listening on ${address}`);
    const stopProfile = args.profile ? await startProfile() : undefined;
    const stopped = new Promise<void>((resolve) => process.on('message', (m: { type?: string }) => m?.type === 'stop' && resolve()));
    await send({ type: 'ready', port: Number(new URL(address).port), username: BENCH_USER, password: BENCH_PASSWORD, townOrgId: homeId, townName: home.name });
    await stopped;
    await stopProfile?.(args.profile!, `${tag} serve`);
    await send({ type: 'result', data: { serve: { peakRssMiB: mib(sampler.stop()) }, kernelMaxRssMiB: mib(lifetimeMaxRss()) } });
  } finally {
    await closeApp?.();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  async (err) => {
    log('query', `failed: ${(err as Error).stack ?? err}`);
    await send({ type: 'error', message: String((err as Error).message ?? err) }).catch(() => undefined);
    process.exit(1);
  },
);
