// Load test of the member list endpoint: sign in over HTTP like the web client, then
// autocannon against the loopback server the query child started.

import fs from 'node:fs';
import autocannon from 'autocannon';
import { SESSION_COOKIE } from '../src/server/http/plumbing.js';
import { log } from './lib.js';

export interface LoadResult {
  path: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  requests: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** how long the server still needed for queued requests after the run */
  drainMs: number;
  /** CPU used during the run, in % of one core (200 = both cores of a 2-core machine) */
  cpu?: { server: number; autocannon: number; postgres?: number };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of a process, or of a process and its children by parent pid. */
function cpuSeconds(pid: number, withChildren = false): number | undefined {
  try {
    // utime, stime (+ cutime, cstime: children already reaped, e.g. closed connections' backends)
    const ticks = (stat: string, reaped = false) => {
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) + (reaped ? Number(f[13]) + Number(f[14]) : 0) };
    };
    let total = ticks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'), withChildren).cpu;
    if (withChildren) {
      for (const d of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue;
        try {
          const t = ticks(fs.readFileSync(`/proc/${d}/stat`, 'utf8'));
          if (t.ppid === pid) total += t.cpu;
        } catch {
          // exited meanwhile
        }
      }
    }
    return total / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

export interface CpuPids {
  server: number;
  postmaster?: number;
}

function cpuNow(pids: CpuPids) {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    server: cpuSeconds(pids.server),
    autocannon: (own.user + own.system) / 1e6,
    postgres: pids.postmaster ? cpuSeconds(pids.postmaster, true) : undefined,
  };
}

export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('login returned no session cookie');
  return cookie;
}

/**
 * Waits until the server answers a request that needs the database again: after a load
 * run against a slow endpoint, requests may still be queued (PGlite runs one query at a
 * time, blocking the event loop), which would be charged to the next measurement.
 */
export async function drain(base: string, cookie: string, tag: string, limitMs = 300_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const t = performance.now();
    try {
      const res = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie }, signal: AbortSignal.timeout(limitMs) });
      await res.arrayBuffer();
    } catch {
      // timed out: give up below
    }
    const waited = performance.now() - t0;
    if (performance.now() - t < 100 || waited > limitMs) {
      if (waited > 1000) log(tag, `server busy for ${(waited / 1000).toFixed(1)} s after the run (queued requests)`);
      return Math.round(waited);
    }
  }
}

export async function hammer(base: string, path: string, cookie: string, opts: { connections: number; seconds: number; tag: string; pids?: CpuPids }): Promise<LoadResult> {
  // One request first: a broken endpoint should fail loudly, not as a fast stream of 4xx.
  const probe = await fetch(base + path, { headers: { cookie } });
  if (probe.status !== 200) throw new Error(`GET ${path}: ${probe.status} ${await probe.text()}`);
  const before = opts.pids ? cpuNow(opts.pids) : undefined;
  const r = await autocannon({ url: base + path, connections: opts.connections, duration: opts.seconds, headers: { cookie } });
  const after = opts.pids ? cpuNow(opts.pids) : undefined;
  const drainMs = await drain(base, cookie, opts.tag);
  let cpu: LoadResult['cpu'];
  if (before && after && before.server !== undefined && after.server !== undefined) {
    const secs = (after.at - before.at) / 1000;
    const pct = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.round(((b - a) / secs) * 100));
    cpu = { server: pct(before.server, after.server)!, autocannon: pct(before.autocannon, after.autocannon)!, postgres: pct(before.postgres, after.postgres) };
  }
  const out: LoadResult = {
    path,
    connections: opts.connections,
    seconds: r.duration,
    requestsPerSecond: Math.round(r.requests.average),
    requests: r.requests.total,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMax: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    drainMs,
    cpu,
  };
  const cpuText = cpu ? `; CPU % of a core: server ${cpu.server}, autocannon ${cpu.autocannon}${cpu.postgres !== undefined ? `, postgres ${cpu.postgres}` : ''}` : '';
  log(opts.tag, `GET ${path}: ${out.requestsPerSecond} req/s, p50 ${out.latencyP50} ms, p99 ${out.latencyP99} ms, non-2xx ${out.non2xx}, errors ${out.errors}${cpuText}`);
  return out;
}
