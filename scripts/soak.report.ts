import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LatencySummary } from '../bench/gateway/load/samples.js';

const ROOT = resolve(import.meta.dirname, '..');

/** One service's RSS over the soak: medians of the first minute after warm-up and of the last minute. */
export interface ServiceGrowth {
  service: string;
  baselineMb: number;
  finalMb: number;
  peakMb: number;
  growthPct: number;
}

export interface SoakFigures {
  date: string;
  command: string;
  minutes: number;
  warmupMin: number;
  rate: number;
  maxGrowthPct: number;
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  latencyMs: LatencySummary;
  growth: ServiceGrowth[];
  passed: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

/** Growth of each service between the minute after warm-up and the last minute of the run. */
export function growthOf(samples: { atS: number; rssKb: Record<string, number> }[], services: string[], warmupS: number, totalS: number): ServiceGrowth[] {
  const between = (from: number, to: number) => samples.filter((s) => s.atS >= from && s.atS <= to);
  const first = between(warmupS, warmupS + 60);
  const last = between(totalS - 60, totalS + 60);
  return services.map((service) => {
    const baseline = median(first.map((s) => s.rssKb[service]!)) / 1024;
    const final = median(last.map((s) => s.rssKb[service]!)) / 1024;
    const peak = Math.max(...between(warmupS, Infinity).map((s) => s.rssKb[service]!)) / 1024;
    return { service, baselineMb: round(baseline), finalMb: round(final), peakMb: round(peak), growthPct: round(((final - baseline) / baseline) * 100) };
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The figures as Markdown: what ran, the requests, and one row per service. */
export function soakMarkdown(f: SoakFigures): string {
  const statuses = Object.entries(f.statuses).map(([s, n]) => `${s}: ${n}`).join(', ');
  return [
    `Date: ${f.date}. Command: \`${f.command}\`. Five services as separate processes (gateway, pii-, cache-, cost-, analytics-service) on a private nats-server and redis-server and a fresh Postgres database, mock upstream with 50 ms latency; budget, PII and cache steps on; a mix of new questions, repeats (cache hits) and prompts with personal data, 30% streamed. RSS is VmRSS from /proc/<pid>/status every 5 s; growth compares the median of the first minute after the ${f.warmupMin}-minute warm-up with the median of the last minute, limit ${f.maxGrowthPct}%.`,
    '',
    `Requests: ${f.sent} sent at ${f.rate}/s, ${f.ok} answered 2xx (${statuses}); latency p50 ${f.latencyMs.p50.toFixed(1)} ms, p99 ${f.latencyMs.p99.toFixed(1)} ms, max ${f.latencyMs.max.toFixed(1)} ms. Result: **${f.passed ? 'pass' : 'FAIL'}**.`,
    '',
    '| service | RSS after warm-up (MB) | RSS last minute (MB) | peak (MB) | growth |',
    '|---|---|---|---|---|',
    ...f.growth.map((g) => `| ${g.service} | ${g.baselineMb} | ${g.finalMb} | ${g.peakMb} | ${g.growthPct > 0 ? '+' : ''}${g.growthPct}% |`),
  ].join('\n');
}

/** Puts the figures between the soak markers of docs/reliability.md and as the `## Soak` section of docs/benchmarks.md. */
export function writeSoakFigures(f: SoakFigures): void {
  const md = soakMarkdown(f);
  const reliability = resolve(ROOT, 'docs/reliability.md');
  const text = readFileSync(reliability, 'utf8');
  const begin = '<!-- soak:begin -->';
  const end = '<!-- soak:end -->';
  if (text.includes(begin) && text.includes(end)) writeFileSync(reliability, `${text.slice(0, text.indexOf(begin) + begin.length)}\n${md}\n${text.slice(text.indexOf(end))}`);
  const benchmarks = resolve(ROOT, 'docs/benchmarks.md');
  const bench = readFileSync(benchmarks, 'utf8');
  const section = `## Soak\n\n${md}\n`;
  const at = bench.indexOf('\n## Soak\n');
  if (at === -1) writeFileSync(benchmarks, `${bench.trimEnd()}\n\n${section}`);
  else {
    const next = bench.indexOf('\n## ', at + 1);
    writeFileSync(benchmarks, `${bench.slice(0, at + 1)}${section}${next === -1 ? '' : bench.slice(next)}`);
  }
}
