import { describe, expect, it } from 'vitest';
import { mapParams, type ParamTable } from './param-table.js';

const table: ParamTable = {
  max_tokens: { param: 'max_output_tokens', max: 4096 },
  temperature: { min: 0, max: 1, default: 0.7 },
  top_k: { default: 40 },
  logit_bias: { drop: true },
  seed: { transform: (v) => (typeof v === 'number' ? Math.trunc(v) : undefined) },
  n: { drop: true, default: 1 },
};

describe('mapParams', () => {
  it('renames, clamps, transforms, applies defaults and reports drops', () => {
    const { body, dropped } = mapParams(
      { max_tokens: 10_000, temperature: 1.8, logit_bias: { 1: 2 }, seed: 4.9, n: 2, user: 'u1' },
      { table, unknown: 'pass' },
    );
    expect(body).toEqual({ max_output_tokens: 4096, temperature: 1, seed: 4, user: 'u1', top_k: 40 });
    expect(dropped.sort()).toEqual(['logit_bias', 'n']);
  });

  it('clamps from below, keeps values inside the range, and keeps non-numbers as they are', () => {
    expect(mapParams({ temperature: -1 }, { table, unknown: 'pass' }).body.temperature).toBe(0);
    expect(mapParams({ temperature: 0.3 }, { table, unknown: 'pass' }).body.temperature).toBe(0.3);
    expect(mapParams({ temperature: null }, { table, unknown: 'pass' }).body.temperature).toBeNull();
  });

  it('omits a parameter whose transform returns undefined, and the default does not come back', () => {
    expect(mapParams({ seed: 'x' }, { table, unknown: 'pass' }).body).not.toHaveProperty('seed');
    expect(mapParams({ top_k: 5 }, { table, unknown: 'pass' }).body.top_k).toBe(5);
  });

  it('passes or drops unknown parameters, and skips reserved ones', () => {
    const req = { model: 'm', stream: true, foo: 1, bar: undefined };
    expect(mapParams(req, { table: {}, unknown: 'pass', reserved: new Set(['model', 'stream']) })).toEqual({ body: { foo: 1 }, dropped: [] });
    expect(mapParams(req, { table: {}, unknown: 'drop', reserved: new Set(['model', 'stream']) })).toEqual({ body: {}, dropped: ['foo'] });
  });
});
