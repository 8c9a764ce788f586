import { describe, expect, it } from 'vitest';
import { windowOf } from './range.js';

describe('dashboard windows', () => {
  const now = Date.parse('2030-01-10T10:20:00Z');
  it('ends at the next whole hour for hourly ranges, the next UTC midnight for daily ones', () => {
    expect(windowOf('24h', now)).toEqual({ from: '2030-01-09T11:00:00.000Z', to: '2030-01-10T11:00:00.000Z', interval: 'hour' });
    expect(windowOf('30d', now)).toEqual({ from: '2029-12-12T00:00:00.000Z', to: '2030-01-11T00:00:00.000Z', interval: 'day' });
  });
});
