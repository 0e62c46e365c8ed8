// Small helpers shared by the benchmark orchestrator (run.ts) and its child processes.

import fs from 'node:fs';
import os from 'node:os';

export type DbKind = 'pglite' | 'postgres';

export const MiB = 1024 * 1024;

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of millisecond samples. */
export function latencyStats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: s.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(s.length ? s[s.length - 1] : NaN),
    mean: round(s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN),
  };
}

/** Samples process RSS every `everyMs` (200 ms by default) and keeps the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peak = 0;
  constructor(private readonly everyMs = 200) {}

  start(): this {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
    return this;
  }

  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.peak;
  }
}

/**
 * Peak RSS of this process over its whole life, from the kernel (bytes): VmHWM of
 * /proc/self/status. Not getrusage's ru_maxrss: that survives fork + exec, so a child
 * started by a big parent would report the parent's RSS at the fork.
 */
export function lifetimeMaxRss(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

export const mib = (bytes: number) => Math.round(bytes / MiB);

export function machineFacts() {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemMiB: mib(os.totalmem()),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    /** 1/5/15-minute load averages at the start: anything else busy on the machine skews every number */
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Messages from the child processes to run.ts. */
export type ChildMessage =
  | { type: 'result'; data: Record<string, unknown> }
  | { type: 'ready'; port: number; username: string; password: string; townOrgId: number; townName: string }
  | { type: 'error'; message: string };

export function log(tag: string, msg: string) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[${t}] [${tag}] ${msg}\n`);
}

export function send(msg: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('not started by run.ts (no IPC channel)'));
    process.send(msg, (err: Error | null) => (err ? reject(err) : resolve()));
  });
}

/** Arguments passed from run.ts to a child, as JSON in argv[2]. */
export interface ChildArgs {
  db: DbKind;
  members: number;
  /** PostgreSQL: URL of the fresh database for this scenario. */
  databaseUrl?: string;
  /** Folder for the platform's data dir (PGlite data, import files, key file). */
  dataDir: string;
  /** Import scenario: the cached roster workbook. */
  roster?: string;
  /** Import scenario: prepare the database and the upload, or run the prepared import. */
  phase?: 'prepare' | 'import';
  prepared?: { importId: number; file: string; org: string; orgId: number };
  /** Query scenario: queries per search kind. */
  queries?: number;
  analyze?: boolean;
  /** Write a CPU profile of the measured phase to this file (diagnostic runs only). */
  profile?: string;
}

export function childArgs(): ChildArgs {
  return JSON.parse(process.argv[2]) as ChildArgs;
}

export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/**
 * Diagnostic CPU profile of this process (--profile): written as a .cpuprofile (open it in
 * Chrome DevTools) with the top functions by self time in the log. Slows the process down:
 * numbers from a profiled run are not benchmark results.
 */
export async function startProfile(): Promise<(file: string, tag: string) => Promise<void>> {
  const inspector = await import('node:inspector/promises');
  const path = await import('node:path');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async (file, tag) => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    const dt = new Map<number, number>();
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) dt.set(samples[i], (dt.get(samples[i]) ?? 0) + (deltas[i] ?? 0));
    const self = new Map<string, number>();
    let total = 0;
    for (const [id, us] of dt) {
      const f = nodes.get(id)!.callFrame;
      const where = f.url ? `${f.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')}:${f.lineNumber + 1}` : '';
      const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    log(tag, `CPU profile → ${path.relative(process.cwd(), file)}; top self time:`);
    for (const [k, us] of top) process.stderr.write(`    ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}\n`);
  };
}
