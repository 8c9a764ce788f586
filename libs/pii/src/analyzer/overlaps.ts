import type { Finding } from './finding.js';

/**
 * Presidio's conflict rules: of overlapping findings the higher score wins, then
 * the longer span; a finding inside a kept one of the same type is dropped.
 * Returns findings sorted by start.
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const ranked = [...findings].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
