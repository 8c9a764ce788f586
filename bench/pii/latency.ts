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

export function timeEach(analyzer: Analyzer, ps: string[]): number[] {
  return ps.map((p) => {
    const t0 = performance.now();
    analyzer.analyze(p);
    return performance.now() - t0;
  });
}

/** Prompts analyzed per second on this one thread, for `seconds`. */
export function throughput(analyzer: Analyzer, ps: string[], seconds = 2): number {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < end) analyzer.analyze(ps[n++ % ps.length]!);
  return n / seconds;
}
