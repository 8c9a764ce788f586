import { describe, expect, it } from 'vitest';
import { anomalyScore, meanStd } from './anomaly-score.js';

describe('anomalyScore', () => {
  it('is the distance above the mean in standard deviations', () => {
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, std: 2 });
    expect(anomalyScore(11, [2, 4, 4, 4, 5, 5, 7, 9], 1).score).toBe(3);
  });

  it('floors the deviation of a flat baseline at 10 % of the mean, or one unit', () => {
    expect(anomalyScore(15, [10, 10, 10], 1).score).toBe(5);
    expect(anomalyScore(4, [0, 0, 0], 1).score).toBe(4);
    expect(anomalyScore(0, [0, 0], 1).score).toBe(0);
  });
});
