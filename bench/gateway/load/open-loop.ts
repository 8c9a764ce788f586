import type { HttpTarget, RequestTiming } from './http-target.js';
import { Recorder, type LoadResult } from './load-result.js';
import { nowNs } from './samples.js';
import { schedule } from './ticker.js';

/**
 * Fixed rate whatever the target does (open loop): request i is due at start + i/rate and its latency
 * counts from then, not from when it went out, so a target that stalls is charged for every request
 * that waited behind the stall (no coordinated omission). Requests still unanswered `graceMs` after the
 * last send count as errors.
 */
export async function openLoop(target: HttpTarget, rate: number, seconds: number, graceMs = 10_000): Promise<LoadResult> {
  const rec = new Recorder();
  const inflight = new Set<Promise<void>>();
  const { startNs, done } = schedule(rate, Math.round(rate * seconds), (_i, scheduledNs) => {
    rec.sent++;
    rec.lateBy(nowNs() - scheduledNs);
    const p: Promise<void> = target.send().then((t: RequestTiming) => {
      rec.record(scheduledNs, t);
      inflight.delete(p);
    });
    inflight.add(p);
  });
  await done;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(inflight), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
  clearTimeout(timer);
  return rec.result(startNs, nowNs());
}
