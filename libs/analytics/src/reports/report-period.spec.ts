import { describe, expect, it } from 'vitest';
import { lastPeriod } from './report-period.js';

describe('lastPeriod', () => {
  it('is yesterday for a daily report, last Monday to this Monday for a weekly one', () => {
    const wednesday = Date.parse('2030-01-09T10:00:00Z');
    expect(lastPeriod('daily', wednesday)).toEqual({ fromMs: Date.parse('2030-01-08T00:00:00Z'), toMs: Date.parse('2030-01-09T00:00:00Z') });
    expect(lastPeriod('weekly', wednesday)).toEqual({ fromMs: Date.parse('2029-12-31T00:00:00Z'), toMs: Date.parse('2030-01-07T00:00:00Z') });
    const monday = Date.parse('2030-01-07T00:00:00Z');
    expect(lastPeriod('weekly', monday)).toEqual({ fromMs: Date.parse('2029-12-31T00:00:00Z'), toMs: monday });
  });
});
