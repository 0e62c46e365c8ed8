// Load test of the member list endpoint: sign in over HTTP like the web client, then
// autocannon against the loopback server the query child started.

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

export async function hammer(base: string, path: string, cookie: string, opts: { connections: number; seconds: number; tag: string }): Promise<LoadResult> {
  // One request first: a broken endpoint should fail loudly, not as a fast stream of 4xx.
  const probe = await fetch(base + path, { headers: { cookie } });
  if (probe.status !== 200) throw new Error(`GET ${path}: ${probe.status} ${await probe.text()}`);
  const r = await autocannon({ url: base + path, connections: opts.connections, duration: opts.seconds, headers: { cookie } });
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
  };
  log(opts.tag, `GET ${path}: ${out.requestsPerSecond} req/s, p50 ${out.latencyP50} ms, p99 ${out.latencyP99} ms, non-2xx ${out.non2xx}, errors ${out.errors}`);
  return out;
}
