import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DB } from './schema.js';

export type Kdb = Kysely<DB>;

export interface Database {
  db: Kdb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (test templates, backups) */
  dump?: () => Promise<Blob>;
}

// Both drivers return the same JS shapes: dates as 'YYYY-MM-DD' strings, int8 as numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

let pgParsersSet = false;
function setPgParsers() {
  if (pgParsersSet) return;
  pg.types.setTypeParser(DATE_OID, (v: string) => v);
  pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
  pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
  pgParsersSet = true;
}

export const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

export async function openPostgres(url: string, max = 10): Promise<Database> {
  setPgParsers();
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection cut by the server (restart, failover, admin shutdown) is replaced on
  // next use; without a listener pg would raise it as an uncaught error and end the process.
  pool.on('error', (err) => {
    if ((err as { code?: string }).code !== '57P01') console.warn(`PostgreSQL idle connection error: ${err.message}`);
  });
  pool.on('connect', (client) => {
    void client.query("set timezone = 'Asia/Shanghai'");
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir, parsers: pgliteParsers });
  await client.exec("set timezone = 'Asia/Shanghai'");
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: client }) });
  return {
    db,
    kind: 'pglite',
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'pgdata'));
}
