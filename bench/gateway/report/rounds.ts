import type { ScenarioId, ScenarioResult } from '../scenarios.js';
import type { TargetRun } from './tables.js';

/** What ranks the rounds of a scenario: throughput at max, TTFB p50 for streams, p50 latency otherwise. */
const rank = (r: ScenarioResult) => (r.id === 'max' ? -r.load.throughput : r.id === 'stream100' ? r.load.ttfb.p50 : r.load.latency.p50);

/**
 * One target's rounds as one row set: per scenario, the median round by its rank (the better of the
 * middle two for an even count), all its figures from that same round, so a round that other work on
 * the machine disturbed does not decide the figure.
 */
export function medianRound(rounds: TargetRun[]): TargetRun {
  const measured = rounds.filter((r) => r.results);
  if (measured.length === 0) return rounds.at(-1)!;
  const last = measured.at(-1)!;
  const ids = last.results!.map((r) => r.id);
  const pick = (id: ScenarioId) => {
    const all = measured.map((m) => m.results!.find((r) => r.id === id)!).filter(Boolean).sort((a, b) => rank(a) - rank(b));
    return all[Math.floor((all.length - 1) / 2)]!;
  };
  return { ...last, results: ids.map(pick), extra: measured.length > 1 ? measured.map((m, i) => (m.extra ? `round ${i + 1}: ${m.extra}` : '')).filter(Boolean).join('; ') || undefined : last.extra };
}
