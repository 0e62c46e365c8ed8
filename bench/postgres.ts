// A throwaway PostgreSQL 15 cluster for the benchmark (unless BENCH_DATABASE_URL is given),
// and one fresh database per scenario on whichever server is used.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { log } from './lib.js';

export const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Server settings beyond the defaults. Sized for a 2-core / few-GiB machine:
 * only a larger WAL allowance (bulk loads otherwise checkpoint every few seconds)
 * and shared buffers of 256 MB. Durability settings stay at their defaults (fsync,
 * synchronous_commit on), as in production.
 */
export const PG_SETTINGS: Record<string, string> = {
  shared_buffers: '256MB',
  max_wal_size: '2GB',
};

export interface PgCluster {
  /** Admin URL (database "postgres"). */
  url: string;
  version: string;
  settings: Record<string, string>;
  /** Stops the server and deletes its folder (ours only; a no-op for BENCH_DATABASE_URL). */
  stop(): void;
  /** The postmaster's pid (our cluster only), to account the server's CPU time. */
  pid(): number | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
function pgRun(bin: string, args: string[], what: string) {
  const exe = path.join(PG_BIN, bin);
  const asRoot = process.getuid?.() === 0;
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', exe, ...args], { encoding: 'utf8' })
    : spawnSync(exe, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.error?.message ?? ''}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ server_version: string }>('show server_version')).rows[0].server_version;
  } finally {
    await c.end();
  }
}

export async function startCluster(): Promise<PgCluster> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    return { url: given, version: await serverVersion(given), settings: { note: 'external server (BENCH_DATABASE_URL)' }, stop: () => undefined, pid: () => undefined };
  }
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(`no PostgreSQL at ${PG_BIN} (set BENCH_PG_BIN or BENCH_DATABASE_URL)`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-pg-'));
  const data = path.join(base, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root but there is no "postgres" user to own the cluster');
    fs.chownSync(base, uid, gid);
  }
  let started = false;
  const stop = () => {
    if (started) {
      try {
        pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], 'pg_ctl stop');
        log('postgres', 'stopped');
      } catch (err) {
        log('postgres', `stop failed: ${(err as Error).message}`);
      }
      started = false;
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  try {
    pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], 'initdb');
    const port = await freePort();
    const opts = [
      '-c listen_addresses=127.0.0.1', `-p ${port}`, `-c unix_socket_directories=${base}`,
      ...Object.entries(PG_SETTINGS).map(([k, v]) => `-c ${k}=${v}`),
    ].join(' ');
    started = true; // pg_ctl may have started it even if it reports a failure
    pgRun('pg_ctl', ['-D', data, '-l', path.join(base, 'server.log'), '-o', opts, '-w', '-t', '60', 'start'], 'pg_ctl start');
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const version = await serverVersion(url);
    log('postgres', `PostgreSQL ${version} on 127.0.0.1:${port} (${data})`);
    const pid = () => {
      try {
        return Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
      } catch {
        return undefined;
      }
    };
    return { url, version, settings: PG_SETTINGS, stop, pid };
  } catch (err) {
    stop();
    throw err;
  }
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh, empty database on the server; returns its URL and a drop function. */
export async function freshDatabase(adminUrl: string, scenario: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gh_bench_${scenario}_${crypto.randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}`));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: () => admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
