/** Every limit is per minute. */
export const WINDOW_MS = 60_000;

/** A bucket's state after a check: what is left and when it is full again. */
export interface BucketReading {
  remaining: number;
  resetMs: number;
}

/** The outcome of one check over all buckets of a request. */
export interface Verdict {
  allowed: boolean;
  /** A bucket's cost is above its limit. */
  tooLarge: boolean;
  /** The bucket that refused (the one with the longest wait), or -1. */
  refusedBy: number;
  waitMs: number;
  readings: BucketReading[];
}

/**
 * GCRA over several buckets at once, each holding its theoretical arrival time
 * (TAT, epoch ms). A bucket of `limit` per minute spends `60000 / limit` ms per
 * unit and allows a burst of its full limit. All pass → every TAT advances;
 * any fails → none does. The Lua script in `gcra.lua.ts` is the same algorithm.
 */
export function gcra(buckets: { limit: number; cost: number; tat: number | undefined }[], now: number): Verdict & { tats: number[] } {
  let refusedBy = -1;
  let waitMs = 0;
  let tooLarge = false;
  const bases = buckets.map((b) => Math.max(b.tat ?? now, now));
  const tats = buckets.map((b, i) => bases[i]! + (b.cost * WINDOW_MS) / b.limit);
  for (const [i, b] of buckets.entries()) {
    if (b.cost > b.limit) {
      [tooLarge, refusedBy, waitMs] = [true, i, 0];
      break;
    }
    const wait = tats[i]! - WINDOW_MS - now;
    if (wait > waitMs) [waitMs, refusedBy] = [wait, i];
  }
  const allowed = refusedBy === -1;
  const readings = buckets.map((b, i) => reading(allowed ? tats[i]! : bases[i]!, b.limit, now));
  return { allowed, tooLarge, refusedBy, waitMs: allowed ? 0 : Math.ceil(waitMs), readings, tats };
}

function reading(tat: number, limit: number, now: number): BucketReading {
  const used = tat - now;
  return { remaining: Math.floor(((WINDOW_MS - used) * limit) / WINDOW_MS + 1e-6), resetMs: Math.ceil(used) };
}

/** A TAT after `delta` more (or, negative, fewer) units; undefined when the bucket is full again. */
export function settledTat(tat: number | undefined, limit: number, delta: number, now: number): number | undefined {
  const next = Math.max(tat ?? now, now) + (delta * WINDOW_MS) / limit;
  return next > now ? next : undefined;
}

/** How long storage keeps a TAT: until the bucket is full again, plus a second. */
export function keepMs(tat: number, now: number): number {
  return Math.ceil(tat - now) + 1_000;
}
