import { describe, expect, it } from 'vitest';
import { mulDivCeil, perMillionToPico, picoToUsd, usdToPico, usdToPicoDenoised } from './pico.js';

describe('pico-USD', () => {
  it('reads catalogue prices exactly, including exponent forms', () => {
    expect(usdToPico(2.5e-6)).toBe(2_500_000n);
    expect(usdToPico(7.5e-8)).toBe(75_000n);
    expect(usdToPico(1.3e-10)).toBe(130n);
    expect(usdToPico('0.00000125')).toBe(1_250_000n);
    expect(usdToPico('1e-12')).toBe(1n);
    expect(usdToPico(100)).toBe(100_000_000_000_000n);
    expect(usdToPico('12.5')).toBe(12_500_000_000_000n);
    expect(usdToPico(0)).toBe(0n);
  });

  it('refuses negative, non-finite, malformed and sub-pico amounts', () => {
    expect(() => usdToPico(-1)).toThrow(RangeError);
    expect(() => usdToPico(Number.NaN)).toThrow(RangeError);
    expect(() => usdToPico('1,5')).toThrow(RangeError);
    expect(() => usdToPico('1e-13')).toThrow(/whole number/);
    expect(() => usdToPico(1.5e-13)).toThrow(/whole number/);
  });

  it('rounds float noise of a catalogue to the pico, and nothing more', () => {
    expect(usdToPicoDenoised(1.5000300000000002e-6)).toBe(1_500_030n);
    expect(usdToPicoDenoised(2.9999900000000002e-6)).toBe(2_999_990n);
    expect(() => usdToPico(1.5000300000000002e-6)).toThrow(/whole number/);
    expect(() => usdToPicoDenoised(1.5e-13)).toThrow(/whole number/);
    expect(() => usdToPicoDenoised('0.0000015000305')).toThrow(/whole number/);
  });

  it('reads config prices per million tokens', () => {
    expect(perMillionToPico(2.5)).toBe(2_500_000n);
    expect(perMillionToPico('0.13')).toBe(130_000n);
    expect(perMillionToPico(0)).toBe(0n);
    expect(() => perMillionToPico('0.0000001')).toThrow(/per token/);
  });

  it('prints USD exactly, without float noise or trailing zeros', () => {
    expect(picoToUsd(1_234_567n)).toBe('0.000001234567');
    expect(picoToUsd(2_500_000_000_000n)).toBe('2.5');
    expect(picoToUsd(0n)).toBe('0');
    expect(picoToUsd(-5n)).toBe('-0.000000000005');
    expect(picoToUsd(123_456_789_012_345_678_901n)).toBe('123456789.012345678901');
  });

  it('rounds shares up', () => {
    expect(mulDivCeil(10n, 1n, 3n)).toBe(4n);
    expect(mulDivCeil(9n, 1n, 3n)).toBe(3n);
  });
});
