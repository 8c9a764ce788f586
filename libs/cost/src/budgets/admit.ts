import type { CounterSpec } from './budget-counters.js';

export type Admission = { ok: true; amount: bigint; allowance: number } | { ok: false; refusedBy: number };

/**
 * The reservation rule, shared by the in-memory store and (in Lua) the Redis one.
 * Strict counters lower the allowance to the whole output tokens their room
 * (limit − used − prompt cost) pays for, and refuse when that is none; then any
 * counter whose used + amount would pass its limit refuses.
 */
export function admit(counters: readonly CounterSpec[], used: readonly bigint[], promptCost: bigint, outputPrice: bigint, allowance: number): Admission {
  let tokens = BigInt(Math.max(0, Math.trunc(allowance)));
  for (const [i, c] of counters.entries()) {
    if (!c.strict || c.limit === null || outputPrice === 0n) continue;
    const room = c.limit - used[i]! - promptCost;
    if (room < outputPrice) return { ok: false, refusedBy: i };
    const fits = room / outputPrice;
    if (fits < tokens) tokens = fits;
  }
  const amount = promptCost + tokens * outputPrice;
  for (const [i, c] of counters.entries()) {
    if (c.limit !== null && used[i]! + amount > c.limit) return { ok: false, refusedBy: i };
  }
  return { ok: true, amount, allowance: Number(tokens) };
}
