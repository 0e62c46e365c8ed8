// The markdown table run.ts prints: every number beside its aim.

import { fmtInt, type DbKind, type LatencyStats } from './lib.js';
import type { LoadResult } from './load.js';

export const AIMS = {
  importRowsPerSecond: { pglite: 5_000, postgres: 20_000 } as Record<DbKind, number>,
  importRssMiB: 1024,
  p95Ms: 50,
  listRequestsPerSecond: 2_000,
};

export interface ImportResult {
  rows: number;
  org: string;
  status: string;
  imported: number;
  rejected: number;
  countsConsistent: boolean;
  seconds: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  kernelMaxRssMiB: number;
}

export interface QueryResult {
  seed: { members: number; seconds: number; rowsPerSecond: number; peakRssMiB: number };
  homeTown: string;
  queriesPerKind: number;
  search: Record<string, LatencyStats & { meanHits: number; hitRate: number }>;
  figures: Record<string, LatencyStats & { meanHits: number }>;
  serve?: { peakRssMiB: number };
}

export interface DbRun {
  import?: ImportResult;
  importError?: string;
  query?: QueryResult;
  queryError?: string;
  load?: { list: LoadResult; town: LoadResult; townName: string; baseline?: { health: LoadResult; me: LoadResult } };
  loadError?: string;
}

export interface ImportStages {
  rows: number;
  readUsPerRow: number;
  checkMemberUsPerRow: number;
  personValuesUsPerRow: number;
  readOnlyRowsPerSecond: number;
  pipelineRowsPerSecond: number;
  error?: string;
}

const mark = (ok: boolean) => (ok ? ' ✅' : ' ❌');

export function table(members: number, runs: Partial<Record<DbKind, DbRun>>, stages?: ImportStages): string {
  const dbs = (['pglite', 'postgres'] as DbKind[]).filter((d) => runs[d]);
  const head = ['Measure', 'Aim', ...dbs.map((d) => (d === 'pglite' ? 'PGlite' : 'PostgreSQL'))];
  const rows: string[][] = [];
  const row = (measure: string, aim: string, cell: (r: DbRun, db: DbKind) => string) =>
    rows.push([measure, aim, ...dbs.map((d) => cell(runs[d]!, d))]);
  const failed = (why: string | undefined) => (why ? `failed: ${why.slice(0, 60)}` : '–');

  const n = fmtInt(members);
  row(`Import ${n}-row .xlsx into one union: rows/s`, `≥ ${fmtInt(AIMS.importRowsPerSecond.pglite)} PGlite · ≥ ${fmtInt(AIMS.importRowsPerSecond.postgres)} PostgreSQL`, (r, db) =>
    r.import ? fmtInt(r.import.rowsPerSecond) + mark(r.import.rowsPerSecond >= AIMS.importRowsPerSecond[db] && r.import.countsConsistent) : failed(r.importError));
  row('Import: wall time', '–', (r) => (r.import ? `${r.import.seconds.toFixed(1)} s` : '–'));
  row('Import: peak RSS of the importing process', `≤ ${fmtInt(AIMS.importRssMiB)} MiB`, (r) =>
    r.import ? `${fmtInt(r.import.peakRssMiB)} MiB` + mark(r.import.peakRssMiB <= AIMS.importRssMiB) : '–');
  row('Import: imported / rejected', `${n} / 0`, (r) =>
    r.import ? `${fmtInt(r.import.imported)} / ${fmtInt(r.import.rejected)} (${r.import.status})` + mark(r.import.countsConsistent) : '–');
  if (stages && !stages.error) {
    const st = `read ${stages.readUsPerRow} + checkMember ${stages.checkMemberUsPerRow} + personValues ${stages.personValuesUsPerRow} µs/row = ${fmtInt(stages.pipelineRowsPerSecond)} rows/s`;
    row('Import stages without a database (same file, one process)', '–', () => st);
  }
  row(`Seed ${n} members over the tree (seedDemo), for context`, '–', (r) =>
    r.query ? `${fmtInt(r.query.seed.rowsPerSecond)} rows/s (${r.query.seed.seconds.toFixed(0)} s, peak RSS ${fmtInt(r.query.seed.peakRssMiB)} MiB)` : failed(r.queryError));

  const town = dbs.map((d) => runs[d]!.query?.homeTown).find(Boolean) ?? 'town';
  const searches: [string, string][] = [
    ['nameDistrict', 'Search: 2-char name fragment, district admin'],
    ['nameTown', `Search: 2-char name fragment, town admin (${town})`],
    ['idDistrict', 'Search: full ID number, district admin'],
    ['idTown', `Search: full ID number, town admin (${town})`],
    ['subtreeDistrict', 'List: subtree orgId = a town, district admin'],
    ['subtreeTown', `List: own subtree, town admin (${town})`],
  ];
  const lat = (s: LatencyStats | undefined, extra = '') => (s ? `${s.p50} / ${s.p95} ms${extra}` + mark(s.p95 <= AIMS.p95Ms) : '–');
  for (const [key, label] of searches) {
    row(`${label}: p50 / p95`, `p95 ≤ ${AIMS.p95Ms} ms`, (r) => lat(r.query?.search[key]));
  }
  row('Figures orgStats, district root: p50 / p95', `p95 ≤ ${AIMS.p95Ms} ms`, (r) => lat(r.query?.figures.root));
  row('Figures orgStats, towns: p50 / p95', `p95 ≤ ${AIMS.p95Ms} ms`, (r) => lat(r.query?.figures.towns));

  const load = (l: LoadResult | undefined) =>
    l ? fmtInt(l.requestsPerSecond) + (l.non2xx || l.errors ? ` (${l.non2xx} non-2xx, ${l.errors} errors)` : '') + mark(l.requestsPerSecond >= AIMS.listRequestsPerSecond && !l.non2xx && !l.errors) : '–';
  row('GET /api/v1/members?page=1&pageSize=20, 10 conns: req/s', `≥ ${fmtInt(AIMS.listRequestsPerSecond)}`, (r) => (r.load ? load(r.load.list) : failed(r.loadError)));
  row('… same: latency p50 / p99', '–', (r) => (r.load ? `${r.load.list.latencyP50} / ${r.load.list.latencyP99} ms` : '–'));
  row('GET … &orgId=<town>, 10 conns: req/s', `≥ ${fmtInt(AIMS.listRequestsPerSecond)}`, (r) => (r.load ? load(r.load.town) : '–'));
  row('… same: latency p50 / p99', '–', (r) => (r.load ? `${r.load.town.latencyP50} / ${r.load.town.latencyP99} ms` : '–'));

  const cpu = (l: LoadResult | undefined) => (l?.cpu ? `server ${l.cpu.server}% · autocannon ${l.cpu.autocannon}%${l.cpu.postgres !== undefined ? ` · postgres ${l.cpu.postgres}%` : ''}` : '–');
  row('… CPU during the list run (% of one core; 2 cores = 200%)', '–', (r) => cpu(r.load?.list));
  row('Baseline GET /api/health (no database): req/s', '–', (r) => (r.load?.baseline ? fmtInt(r.load.baseline.health.requestsPerSecond) : '–'));
  row('Baseline GET /api/v1/auth/me (session lookup only): req/s', '–', (r) => (r.load?.baseline ? fmtInt(r.load.baseline.me.requestsPerSecond) : '–'));

  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
