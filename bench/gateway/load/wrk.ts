import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetRequest } from './http-target.js';
import type { LoadResult } from './load-result.js';
import type { LatencySummary } from './samples.js';
import { BENCH_NICE } from '../targets/spawn-pinned.js';

/** True when Debian's `wrk` is on the PATH (`apt-get install -y wrk`). */
export const hasWrk = (): boolean => spawnSync('wrk', ['--version']).error === undefined;

const script = (req: TargetRequest) => `
wrk.method = "POST"
wrk.body = [==[${req.body}]==]
${Object.entries(req.headers)
  .map(([k, v]) => `wrk.headers["${k}"] = [==[${v}]==]`)
  .join('\n')}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nWRK_JSON {"requests":%d,"duration_us":%d,"errors":%d,"status":%d,"p50":%f,"p90":%f,"p99":%f,"p999":%f,"max":%f,"mean":%f}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean))
end
`;

/**
 * Max throughput with wrk (C, one thread, `connections` keep-alive connections, each sending its next
 * request when the last answered) pinned to `core`: it costs the load core far less per request than a
 * Node client, so the mock upstream beside it keeps up with any Node gateway.
 */
export async function wrkClosedLoop(req: TargetRequest, connections: number, seconds: number, core: number): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'helix-wrk-'));
  const file = join(dir, 'post.lua');
  writeFileSync(file, script(req));
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('taskset', ['-c', String(core), 'nice', '-n', String(BENCH_NICE), 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', file, `${req.origin}${req.path}`]);
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b.toString()));
      child.stderr.on('data', (b: Buffer) => (text += b.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
    });
    const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
    if (!line) throw new Error(`wrk printed no summary: ${out}`);
    const w = JSON.parse(line.slice('WRK_JSON '.length)) as Record<string, number>;
    const ms = (us: number) => us / 1000;
    const latency: LatencySummary = { count: w.requests, p50: ms(w.p50), p90: ms(w.p90), p99: ms(w.p99), p999: ms(w.p999), max: ms(w.max), mean: ms(w.mean) };
    const okCount = w.requests - w.status;
    const secs = w.duration_us / 1e6;
    return {
      sent: w.requests + w.errors,
      ok: okCount,
      errors: w.status + w.errors,
      seconds: secs,
      throughput: okCount / secs,
      latency,
      ttfb: latency,
      statuses: { ok: okCount, non2xx: w.status, socket: w.errors },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
