/** Mean and population standard deviation of a baseline. */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  if (!values.length) return { mean: 0, std: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/**
 * How far `value` is above its baseline, in standard deviations. A flat baseline
 * would make any bump infinite, so the deviation is at least 10 % of the mean
 * and at least `unit` (one error, or one cent).
 */
export function anomalyScore(value: number, baseline: readonly number[], unit: number): { score: number; mean: number; std: number } {
  const { mean, std } = meanStd(baseline);
  return { score: (value - mean) / Math.max(std, 0.1 * mean, unit), mean, std };
}
