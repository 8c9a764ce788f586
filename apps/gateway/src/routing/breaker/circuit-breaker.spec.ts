import { describe, expect, it } from 'vitest';
import { CircuitBreakerConfig } from '@helix/config';
import { CircuitBreaker } from './circuit-breaker.js';

const cfg = Object.assign(new CircuitBreakerConfig(), { failures: 3, cooldownMs: 1000, maxCooldownMs: 3000 });

describe('CircuitBreaker', () => {
  it('opens after N failures in a row; a success in between resets the run', () => {
    const b = new CircuitBreaker();
    expect(b.failure(0, false, cfg)).toBeUndefined();
    expect(b.failure(0, false, cfg)).toBeUndefined();
    b.success(0, false);
    expect(b.failure(0, false, cfg)).toBeUndefined();
    expect(b.failure(0, false, cfg)).toBeUndefined();
    expect(b.admit(0)).toBe('pass');
    expect(b.failure(10, false, cfg)).toEqual({ status: 'open', openUntil: 1010, opens: 1, since: 10 });
    expect(b.admit(500)).toBe('blocked');
  });

  it('goes half-open after the cool-down; a good probe closes it', () => {
    const b = new CircuitBreaker();
    for (let i = 0; i < 3; i++) b.failure(0, false, cfg);
    expect(b.admit(999)).toBe('blocked');
    expect(b.admit(1000)).toBe('probe');
    expect(b.success(1000, false)).toBeUndefined();
    expect(b.admit(1000)).toBe('probe');
    expect(b.success(1001, true)).toEqual({ status: 'closed', openUntil: 0, opens: 0, since: 1001 });
    expect(b.admit(1000)).toBe('pass');
  });

  it('reopens after a failed probe with a doubled cool-down, capped', () => {
    const b = new CircuitBreaker();
    for (let i = 0; i < 3; i++) b.failure(0, false, cfg);
    expect(b.failure(1000, true, cfg)).toMatchObject({ status: 'open', openUntil: 3000, opens: 2 });
    expect(b.failure(3000, true, cfg)).toMatchObject({ status: 'open', openUntil: 6000, opens: 3 });
    expect(b.failure(6000, true, cfg)).toMatchObject({ status: 'open', openUntil: 9000, opens: 4 });
  });

  it('ignores late failures while open, and adopts newer records written elsewhere, never older ones', () => {
    const b = new CircuitBreaker();
    for (let i = 0; i < 3; i++) b.failure(1, false, cfg);
    expect(b.failure(5, false, cfg)).toBeUndefined();
    b.adopt({ status: 'closed', openUntil: 0, opens: 0, since: 0 });
    expect(b.admit(5)).toBe('blocked');
    b.adopt({ status: 'closed', openUntil: 0, opens: 0, since: 7 });
    expect(b.admit(8)).toBe('pass');
    b.adopt({ status: 'open', openUntil: 50, opens: 1, since: 9 });
    expect(b.admit(10)).toBe('blocked');
  });
});
