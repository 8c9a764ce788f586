import type { HttpTarget } from './http-target.js';
import { Recorder, type LoadResult } from './load-result.js';
import { nowNs } from './samples.js';

/**
 * Max throughput: `connections` loops, each sending its next request when the last answered, for `seconds`.
 * With `rampS`, loop i starts at i/connections × rampS, so the connections are not all opened in one burst.
 */
export async function closedLoop(target: HttpTarget, connections: number, seconds: number, rampS = 0): Promise<LoadResult> {
  const rec = new Recorder();
  const startNs = nowNs();
  const deadline = startNs + seconds * 1e9;
  const loop = async (i: number) => {
    if (rampS > 0) await new Promise((r) => setTimeout(r, (i / connections) * rampS * 1000));
    while (nowNs() < deadline) {
      rec.sent++;
      const from = nowNs();
      rec.record(from, await target.send());
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  return rec.result(startNs, nowNs());
}
