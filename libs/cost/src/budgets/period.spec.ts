import { describe, expect, it } from 'vitest';
import { dayStartMs, localDay, periodWindow } from './period.js';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('budget periods', () => {
  it('daily periods start at midnight of the configured zone, not UTC', () => {
    const w = periodWindow('daily', t('2030-03-05T07:30:00Z'), 'America/New_York');
    expect(w.key).toBe('d2030-03-05');
    expect(iso(w.startMs)).toBe('2030-03-05T05:00:00.000Z');
    expect(iso(w.endMs)).toBe('2030-03-06T05:00:00.000Z');
    expect(periodWindow('daily', t('2030-03-05T04:59:59Z'), 'America/New_York').key).toBe('d2030-03-04');
    expect(periodWindow('daily', t('2030-03-05T04:59:59Z'), 'UTC').key).toBe('d2030-03-05');
  });

  it('a DST day is 23 or 25 hours long', () => {
    const spring = periodWindow('daily', t('2030-03-10T12:00:00Z'), 'America/New_York');
    expect((spring.endMs - spring.startMs) / 3_600_000).toBe(23);
    const autumn = periodWindow('daily', t('2030-11-03T12:00:00Z'), 'America/New_York');
    expect((autumn.endMs - autumn.startMs) / 3_600_000).toBe(25);
  });

  it('weeks run Monday to Monday, across a year boundary', () => {
    const w = periodWindow('weekly', t('2030-01-01T10:00:00Z'), 'UTC');
    expect(w.key).toBe('w2029-12-31');
    expect(iso(w.endMs)).toBe('2030-01-07T00:00:00.000Z');
    expect(periodWindow('weekly', t('2030-01-06T23:59:59Z'), 'UTC').key).toBe('w2029-12-31');
    expect(periodWindow('weekly', t('2030-01-07T00:00:00Z'), 'UTC').key).toBe('w2030-01-07');
  });

  it('months follow the calendar (and the zone): Tokyo is in March while UTC is still in February', () => {
    const at = t('2030-02-28T16:00:00Z');
    expect(periodWindow('monthly', at, 'UTC').key).toBe('m2030-02');
    const tokyo = periodWindow('monthly', at, 'Asia/Tokyo');
    expect(tokyo.key).toBe('m2030-03');
    expect(iso(tokyo.startMs)).toBe('2030-02-28T15:00:00.000Z');
    expect(iso(tokyo.endMs)).toBe('2030-03-31T15:00:00.000Z');
    expect(periodWindow('monthly', t('2032-02-15T00:00:00Z'), 'UTC').endMs).toBe(t('2032-03-01T00:00:00Z'));
  });

  it('a total budget never resets', () => {
    expect(periodWindow('total', t('2030-01-01T00:00:00Z'), 'UTC')).toEqual({ key: 'total', startMs: 0, endMs: Number.POSITIVE_INFINITY, start: '' });
  });

  it('the ledger day is the local day', () => {
    expect(localDay(t('2030-03-05T02:00:00Z'), 'America/New_York')).toBe('2030-03-04');
    expect(localDay(t('2030-03-05T02:00:00Z'), 'Europe/Berlin')).toBe('2030-03-05');
    expect(dayStartMs('2030-03-05', 'Europe/Berlin')).toBe(t('2030-03-04T23:00:00Z'));
  });
});
