import { describe, expect, it } from 'vitest';
import { anomalyScore } from './anomaly.job.js';

describe('anomalyScore', () => {
  const hours = [10, 12, 8, 11, 9, 10];
  const sum = hours.reduce((a, b) => a + b, 0);
  const squares = hours.reduce((a, b) => a + b * b, 0);

  it('is high for an hour far above a steady baseline and low for an ordinary one', () => {
    expect(anomalyScore(40, sum, squares, hours.length)).toBeGreaterThan(3);
    expect(anomalyScore(11, sum, squares, hours.length)).toBeLessThan(3);
  });

  it('counts hours without spend as 0, and a first spend after silence is unbounded', () => {
    expect(anomalyScore(5, 0, 0, 24)).toBe(Number.POSITIVE_INFINITY);
    expect(anomalyScore(0, 0, 0, 24)).toBe(0);
    expect(anomalyScore(50, 10, 100, 24)).toBeGreaterThan(3);
  });
});
