import type { ScenarioId, ScenarioResult } from '../scenarios.js';
import { SCENARIO_LABELS } from '../scenarios.js';

/** One target's results, or why it did not run. */
export interface TargetRun {
  name: string;
  note: string;
  results?: ScenarioResult[];
  skipped?: string;
  extra?: string;
}

const f = (v: number | undefined, digits = 2) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits));
const signed = (v: number | undefined, digits = 2) => (v === undefined || Number.isNaN(v) ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`);
export const byId = (run: TargetRun | undefined, id: ScenarioId) => run?.results?.find((r) => r.id === id);

/** Every target × scenario: achieved rate, errors, latency percentiles, TTFB, CPU per request, peak RSS. */
export function rawTable(runs: TargetRun[]): string {
  const head = '| target | scenario | req/s | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | TTFB p50 ms | TTFB p99 ms | CPU ms/req | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|---|';
  const lines = runs.flatMap((run) =>
    run.results
      ? run.results.map((r) => {
          const l = r.load.latency;
          const stream = r.id === 'stream100';
          return `| ${run.name} | ${SCENARIO_LABELS[r.id]} | ${f(r.load.throughput, 0)} | ${r.load.errors} | ${f(l.p50)} | ${f(l.p90)} | ${f(l.p99)} | ${f(l.p999)} | ${stream ? f(r.load.ttfb.p50) : ''} | ${stream ? f(r.load.ttfb.p99) : ''} | ${f(r.cpuMsPerRequest, 3)} | ${f(r.peakRssMb, 0)} |`;
        })
      : [`| ${run.name} | skipped: ${run.skipped} | | | | | | | | | | |`],
  );
  return [head, ...lines].join('\n');
}

/** What a target adds over the direct baseline. */
export interface Overhead {
  name: string;
  p50?: number;
  p90?: number;
  p99?: number;
  ttfbP50?: number;
  maxRps?: number;
  cpuMsAtMax?: number;
  peakRssMb?: number;
}

export function overheadOf(run: TargetRun, direct: TargetRun): Overhead {
  const at = byId(run, 'open1000')?.load.latency;
  const base = byId(direct, 'open1000')?.load.latency;
  const ttfb = byId(run, 'stream100')?.load.ttfb.p50;
  const ttfbBase = byId(direct, 'stream100')?.load.ttfb.p50;
  const diff = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a - b);
  const max = byId(run, 'max');
  return {
    name: run.name,
    p50: diff(at?.p50, base?.p50),
    p90: diff(at?.p90, base?.p90),
    p99: diff(at?.p99, base?.p99),
    ttfbP50: diff(ttfb, ttfbBase),
    maxRps: max?.load.throughput,
    cpuMsAtMax: max?.cpuMsPerRequest,
    peakRssMb: run.results ? Math.max(...run.results.map((r) => r.peakRssMb ?? 0)) || undefined : undefined,
  };
}

export function overheadTable(rows: Overhead[]): string {
  const head = '| target | +p50 ms @1000/s | +p90 ms | +p99 ms | +TTFB p50 ms (streams) | max req/s (1 core) | CPU ms/req @max | peak RSS MB |\n|---|---|---|---|---|---|---|---|';
  return [head, ...rows.map((o) => `| ${o.name} | ${signed(o.p50)} | ${signed(o.p90)} | ${signed(o.p99)} | ${signed(o.ttfbP50)} | ${f(o.maxRps, 0)} | ${f(o.cpuMsAtMax, 3)} | ${f(o.peakRssMb, 0)} |`)].join('\n');
}

/** The targets, checked against one Helix row. */
export function targetChecks(o: Overhead): { what: string; goal: string; got: string; met: boolean }[] {
  const check = (what: string, goal: string, v: number | undefined, limit: number, atLeast = false, digits = 2) => ({
    what,
    goal,
    got: f(v, digits),
    met: v !== undefined && (atLeast ? v >= limit : v <= limit),
  });
  return [
    check('p50 overhead @1000 req/s', '≤ 0.3 ms', o.p50, 0.3),
    check('p90 overhead @1000 req/s', '≤ 1 ms', o.p90, 1),
    check('p99 overhead @1000 req/s', '≤ 5 ms', o.p99, 5),
    check('CPU per request @max', '≤ 0.15 ms', o.cpuMsAtMax, 0.15, false, 3),
    check('max throughput, one core', '≥ 6,600 req/s', o.maxRps, 6600, true, 0),
    check('stream TTFB overhead p50', '≤ 1 ms', o.ttfbP50, 1),
    check('peak RSS', '≤ 150 MB', o.peakRssMb, 150, false, 0),
  ];
}
