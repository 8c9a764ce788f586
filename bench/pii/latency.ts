import type { Analyzer } from '@helix/pii';

/** Prompts of about `bytes` bytes, each a run of dataset texts (so the mix of PII is the dataset's). */
export function prompts(texts: string[], bytes: number, count: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (let n = 0; n < count; n++) {
    let p = '';
    while (Buffer.byteLength(p) < bytes) p += `${texts[i++ % texts.length]}\n`;
    out.push(p.slice(0, bytes));
  }
  return out;
}

export const percentile = (ms: number[], p: number) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!;

/**
 * Wall-clock milliseconds per prompt; with `best` > 1, the best of that many
 * runs of each prompt, which leaves out time the OS gave to other processes on
 * a shared machine (and the odd GC pause).
 */
export function timeEach(analyzer: Analyzer, ps: string[], best = 1): number[] {
  return ps.map((p) => {
    let min = Infinity;
    for (let i = 0; i < best; i++) {
      const t0 = performance.now();
      analyzer.analyze(p);
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  });
}

/** Prompts analyzed per second on this one thread for `seconds`: per wall-clock second, and per second of this process's CPU time. */
export function throughput(analyzer: Analyzer, ps: string[], seconds = 2): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let n = 0;
  while (performance.now() < end) analyzer.analyze(ps[n++ % ps.length]!);
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  return { wall: n / wall, cpu: n / ((used.user + used.system) / 1e6) };
}
