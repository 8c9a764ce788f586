import { describe, expect, it } from 'vitest';
import { headerReader, presentedKey } from './presented-key.js';

const from = (headers: Record<string, string | string[]>) => presentedKey(headerReader(headers));

describe('presentedKey', () => {
  it('reads a bearer token, case-insensitively', () => {
    expect(from({ authorization: 'Bearer hx-abc' })).toBe('hx-abc');
    expect(from({ authorization: 'bearer   hx-abc ' })).toBe('hx-abc');
  });

  it('falls back to x-api-key (Anthropic-style clients)', () => {
    expect(from({ 'x-api-key': 'hx-def' })).toBe('hx-def');
    expect(from({ authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'hx-def' })).toBe('hx-def');
    expect(from({ 'x-api-key': ['hx-first', 'hx-second'] })).toBe('hx-first');
  });

  it('finds nothing in a missing, empty or malformed header', () => {
    expect(from({})).toBeUndefined();
    expect(from({ authorization: 'Bearer' })).toBeUndefined();
    expect(from({ authorization: 'Bearer two words' })).toBeUndefined();
    expect(from({ 'x-api-key': '  ' })).toBeUndefined();
  });
});
