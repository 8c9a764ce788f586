import type { HttpTarget } from './http-target.js';
import { Recorder, type LoadResult } from './load-result.js';
import { nowNs } from './samples.js';

/** Max throughput: `connections` loops, each sending its next request when the last answered, for `seconds`. */
export async function closedLoop(target: HttpTarget, connections: number, seconds: number): Promise<LoadResult> {
  const rec = new Recorder();
  const startNs = nowNs();
  const deadline = startNs + seconds * 1e9;
  const loop = async () => {
    while (nowNs() < deadline) {
      rec.sent++;
      const from = nowNs();
      rec.record(from, await target.send());
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return rec.result(startNs, nowNs());
}
