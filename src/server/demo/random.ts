// A small, fast, seeded PRNG for demo data. Everything the demo generator produces
// must be the same on every run and every machine, so nothing here may touch
// Math.random or the clock.

/** 32-bit string hash (FNV-1a), used to derive seeds from names and keys. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A bijective 32-bit finaliser (from murmur3's fmix32). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A precomputed weighted choice: build once, draw many times with any Rng. */
export interface Weighted<T> {
  readonly items: readonly T[];
  /** Cumulative weights normalised to 1 (last entry exactly 1). */
  readonly cumulative: Float64Array;
}

export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): Weighted<T> {
  if (entries.length === 0) throw new Error('weighted(): no entries');
  let total = 0;
  for (const [, w] of entries) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`weighted(): bad weight ${w}`);
    total += w;
  }
  if (total <= 0) throw new Error('weighted(): weights sum to zero');
  const cumulative = new Float64Array(entries.length);
  let acc = 0;
  for (let i = 0; i < entries.length; i++) {
    acc += entries[i][1];
    cumulative[i] = acc / total;
  }
  cumulative[entries.length - 1] = 1;
  return { items: entries.map(([item]) => item), cumulative };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state,
 * period ≥ 2^32, passes PractRand; plenty for test data and much faster than crypto.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string = 1) {
    const s = typeof seed === 'string' ? hash32(seed) : seed >>> 0;
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = s;
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick(): empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** A choice from a precomputed weighted table (binary search, O(log n)). */
  pickWeighted<T>(table: Weighted<T>): T {
    const r = this.next();
    const cum = table.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r < cum[mid]) hi = mid;
      else lo = mid + 1;
    }
    return table.items[lo];
  }

  /** One-off weighted choice from [item, weight] pairs (builds no table; O(n)). */
  weightedPick<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [item, w] of entries) {
      r -= w;
      if (r < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** An independent generator derived from this one's seed material and a label. */
  fork(label: string): Rng {
    return new Rng(hash32(label, this.nextU32()));
  }
}
