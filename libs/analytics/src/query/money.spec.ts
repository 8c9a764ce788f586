import { describe, expect, it } from 'vitest';
import { picoToUsd } from './money.js';

describe('picoToUsd', () => {
  it('prints exact decimals without trailing zeros', () => {
    expect(picoToUsd(0n)).toBe('0');
    expect(picoToUsd(1n)).toBe('0.000000000001');
    expect(picoToUsd(12_500_000_000_000n)).toBe('12.5');
    expect(picoToUsd('-1000000')).toBe('-0.000001');
    expect(picoToUsd(123_456_789_012_345_678_901n)).toBe('123456789.012345678901');
  });
});
