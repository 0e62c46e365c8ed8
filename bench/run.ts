// npm run bench [-- --members N] [--db pglite|postgres|both] — see bench/README.md.
//
// For each database: (1) import an N-row roster into a fresh database in a child process
// (rows/s, peak RSS); (2) in another child and another fresh database, seed N demo members
// over the tree, time roster searches and subtree figures through the service functions,
// then serve the real app on loopback while this process load-tests the member list.

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freshDatabase, startCluster, type PgCluster } from './postgres.js';
import { hammer, signIn } from './load.js';
import { AIMS, table, type DbRun, type ImportResult, type ImportStages, type QueryResult } from './report.js';
import { log, machineFacts, type ChildArgs, type ChildMessage, type DbKind } from './lib.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TMP = path.join(HERE, 'tmp');
const RESULTS = path.join(HERE, 'results');

const { values: opts } = parseArgs({
  options: {
    members: { type: 'string' },
    db: { type: 'string', default: 'both' },
    only: { type: 'string' },
    queries: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    analyze: { type: 'boolean', default: false },
    stages: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});

if (opts.help) {
  console.log(`npm run bench -- [--members N] [--db pglite|postgres|both] [--only import|query]
  [--queries 200] [--duration 10] [--connections 10] [--analyze] [--stages] [--profile] [--keep]
  env: BENCH_MEMBERS (default N), BENCH_DATABASE_URL (use this PostgreSQL server instead of a throwaway cluster),
       BENCH_PG_BIN (default /usr/lib/postgresql/15/bin)`);
  process.exit(0);
}

const members = Number(opts.members ?? process.env.BENCH_MEMBERS ?? 1_000_000);
if (!Number.isInteger(members) || members < 1000) throw new Error('--members must be an integer ≥ 1000');
const dbs: DbKind[] = opts.db === 'both' ? ['pglite', 'postgres'] : opts.db === 'pglite' || opts.db === 'postgres' ? [opts.db] : [];
if (!dbs.length) throw new Error('--db must be pglite, postgres or both');
if (opts.only && opts.only !== 'import' && opts.only !== 'query') throw new Error('--only must be import or query');
const doImport = opts.only !== 'query';
const doQuery = opts.only !== 'import';
const queries = Number(opts.queries);
const duration = Number(opts.duration);
const connections = Number(opts.connections);

let cluster: PgCluster | undefined;
let current: ChildProcess | undefined;

function cleanupAndExit(signal: string) {
  log('bench', `${signal}: stopping`);
  if (current?.pid && current.exitCode === null) current.kill('SIGKILL');
  cluster?.stop();
  process.exit(130);
}
process.once('SIGINT', () => cleanupAndExit('SIGINT'));
process.once('SIGTERM', () => cleanupAndExit('SIGTERM'));

/** Runs a child scenario; `onReady` handles the query child's serving phase. */
function runChild(script: string, args: ChildArgs, onReady?: (m: Extract<ChildMessage, { type: 'ready' }>, child: ChildProcess) => Promise<void>) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const child = fork(path.join(HERE, script), [JSON.stringify(args)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    current = child;
    const data: Record<string, unknown> = {};
    let error: string | undefined;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'result') Object.assign(data, m.data);
      else if (m.type === 'error') error = m.message;
      else if (m.type === 'ready') {
        const handle = onReady ? onReady(m, child) : Promise.resolve();
        handle
          .catch((err) => {
            data.readyError = String((err as Error).message ?? err);
            log('bench', `load test failed: ${data.readyError}`);
          })
          .finally(() => child.send({ type: 'stop' }));
      }
    });
    child.on('exit', (code, signal) => {
      current = undefined;
      if (code === 0) resolve(data);
      else reject(new Error(error ?? `${script} exited with ${code ?? signal}`));
    });
  });
}

const profileStamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileFile = (db: DbKind, what: string) => (opts.profile ? path.join(TMP, 'profiles', `${profileStamp}-${db}-${what}.cpuprofile`) : undefined);

async function scenarioDb(db: DbKind, scenario: 'import' | 'query', runDir: string) {
  const dataDir = path.join(runDir, `${db}-${scenario}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const pgdb = db === 'postgres' ? await freshDatabase(cluster!.url, scenario) : undefined;
  return {
    dataDir,
    databaseUrl: pgdb?.url,
    async cleanup() {
      if (opts.keep) return log('bench', `kept ${dataDir}${pgdb ? ` and ${pgdb.url}` : ''}`);
      await pgdb?.drop().catch((err) => log('bench', `drop database failed: ${(err as Error).message}`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const startedAt = new Date();
  const machine = machineFacts();
  log('bench', `N = ${members.toLocaleString('en-US')} members; databases: ${dbs.join(', ')}; ${machine.nproc} CPUs, node ${machine.node}`);
  if (machine.loadAverage[0] > 0.5) log('bench', `warning: load average ${machine.loadAverage.join(' ')} — something else is using the CPU; numbers will be low`);
  const runDir = path.join(TMP, `run-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const runs: Partial<Record<DbKind, DbRun>> = {};
  const roster = doImport
    ? ((await runChild('roster-child.ts', { db: 'pglite', members, dataDir: TMP, roster: path.join(TMP, 'roster.xlsx') })) as { file: string; bytes: number; generatedSeconds: number | null })
    : undefined;
  const pgliteVersion = (JSON.parse(fs.readFileSync(path.join(HERE, '../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

  let stages: Record<string, unknown> | undefined;
  if (opts.stages && roster) {
    log('bench', 'import stages without a database (--stages)');
    stages = await runChild('stages-child.ts', { db: 'pglite', members, dataDir: TMP, roster: roster.file }).catch((err) => {
      log('bench', `stages failed: ${(err as Error).message}`);
      return { error: (err as Error).message };
    });
  }

  try {
    if (dbs.includes('postgres')) cluster = await startCluster();
    for (const db of dbs) {
      const run: DbRun = (runs[db] = {});
      if (doImport) {
        const s = await scenarioDb(db, 'import', runDir);
        try {
          log('bench', `${db}: import scenario`);
          const base = { db, members, dataDir: s.dataDir, databaseUrl: s.databaseUrl, roster: roster!.file };
          const prepared = (await runChild('import-child.ts', { ...base, phase: 'prepare' })) as NonNullable<ChildArgs['prepared']>;
          run.import = (await runChild('import-child.ts', { ...base, phase: 'import', prepared, profile: profileFile(db, 'import') })) as unknown as ImportResult;
        } catch (err) {
          run.importError = (err as Error).message;
          log('bench', `${db} import failed: ${run.importError}`);
        } finally {
          await s.cleanup();
        }
      }
      if (doQuery) {
        const s = await scenarioDb(db, 'query', runDir);
        try {
          log('bench', `${db}: search / figures / list scenario`);
          const data = await runChild('query-child.ts', { db, members, dataDir: s.dataDir, databaseUrl: s.databaseUrl, queries, analyze: opts.analyze, profile: profileFile(db, 'serve') }, async (m, child) => {
            const base = `http://127.0.0.1:${m.port}`;
            const cookie = await signIn(base, m.username, m.password);
            const tag = `${db} load`;
            const pids = { server: child.pid!, postmaster: db === 'postgres' ? cluster?.pid() : undefined };
            const load = { connections, seconds: duration, tag, pids };
            // Short warm-up (JIT, caches), not recorded.
            await hammer(base, '/api/v1/members?page=1&pageSize=20', cookie, { ...load, seconds: 2, tag: `${tag} warm-up` });
            const list = await hammer(base, '/api/v1/members?page=1&pageSize=20', cookie, load);
            const town = await hammer(base, `/api/v1/members?page=1&pageSize=20&orgId=${m.townOrgId}`, cookie, load);
            // Ceilings for comparison: no database at all, and the session lookup alone.
            const baseline = { ...load, seconds: Math.min(duration, 5), tag: `${tag} baseline` };
            const health = await hammer(base, '/api/health', cookie, baseline);
            const me = await hammer(base, '/api/v1/auth/me', cookie, baseline);
            run.load = { list, town, townName: m.townName, baseline: { health, me } };
          });
          if (data.readyError) run.loadError = String(data.readyError);
          run.query = data as unknown as QueryResult;
        } catch (err) {
          run.queryError = (err as Error).message;
          log('bench', `${db} query scenario failed: ${run.queryError}`);
        } finally {
          await s.cleanup();
        }
      }
    }
  } finally {
    cluster?.stop();
    if (!opts.keep) fs.rmSync(runDir, { recursive: true, force: true });
  }

  const finishedAt = new Date();
  const md = table(members, runs, stages as ImportStages | undefined);
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    minutes: Math.round((finishedAt.getTime() - startedAt.getTime()) / 600) / 100,
    members,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    versions: { node: process.version, pglite: pgliteVersion, postgres: cluster?.version ?? null },
    postgresSettings: cluster?.settings ?? null,
    options: { dbs, only: opts.only ?? null, queriesPerKind: queries, loadSeconds: duration, connections, analyze: opts.analyze, stages: opts.stages, profiled: opts.profile },
    roster: roster ? { file: path.relative(process.cwd(), roster.file), bytes: roster.bytes, generatedSeconds: roster.generatedSeconds } : null,
    aims: AIMS,
    importStages: stages ?? null,
    runs,
    table: md,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  const out = path.join(RESULTS, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

  console.log(`\n## gonghui benchmark — N = ${members.toLocaleString('en-US')}, ${machine.nproc} CPUs (${machine.cpuModel}), node ${process.version}` +
    `, PGlite ${pgliteVersion}${cluster ? `, PostgreSQL ${cluster.version}` : ''}\n`);
  if (opts.profile) console.log('**Profiled run (--profile): the profiler slows the measured phases; these are not benchmark results.**\n');
  console.log(md);
  console.log(`\nJSON: ${path.relative(process.cwd(), out)}`);
  const failures = Object.values(runs).some((r) => r?.importError || r?.queryError || r?.loadError);
  if (failures) process.exitCode = 1;
}

main().catch((err) => {
  log('bench', `failed: ${(err as Error).stack ?? err}`);
  cluster?.stop();
  process.exit(1);
});
