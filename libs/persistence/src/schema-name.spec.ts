import { describe, expect, it } from 'vitest';
import { quoteSchema } from './schema-name.js';

describe('quoteSchema', () => {
  it('quotes plain lower-case names', () => {
    expect(quoteSchema('gateway')).toBe('"gateway"');
    expect(quoteSchema('probe_2')).toBe('"probe_2"');
  });

  it('rejects names that would need escaping or fold case', () => {
    for (const bad of ['', 'Cost', 'a-b', '1st', 'x"; DROP SCHEMA cost; --', 'a'.repeat(64)]) {
      expect(() => quoteSchema(bad)).toThrow(/invalid schema name/);
    }
  });
});
