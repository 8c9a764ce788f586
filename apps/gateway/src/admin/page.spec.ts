import { describe, expect, it } from 'vitest';
import { HelixError } from '@helix/contracts';
import { parsePage } from './page.js';

const id = '01900000-0000-7000-8000-000000000001';

const refusal = (query: Record<string, unknown>) => {
  try {
    parsePage(query, ['team_id']);
  } catch (error) {
    expect(error).toBeInstanceOf(HelixError);
    return (error as HelixError).param;
  }
  throw new Error('expected a 400');
};

describe('parsePage', () => {
  it('defaults to 20 live rows and reads limit, after, include_revoked and known filters', () => {
    expect(parsePage({}, [])).toEqual({ limit: 20, includeRevoked: false, filters: {} });
    expect(parsePage({ limit: '100', after: id.toUpperCase(), include_revoked: 'true', team_id: id }, ['team_id'])).toEqual({
      limit: 100,
      after: id,
      includeRevoked: true,
      filters: { team_id: id },
    });
  });

  it('names the bad parameter in its 400', () => {
    expect(refusal({ limit: '0' })).toBe('limit');
    expect(refusal({ limit: '101' })).toBe('limit');
    expect(refusal({ limit: '2.5' })).toBe('limit');
    expect(refusal({ after: 'nope' })).toBe('after');
    expect(refusal({ include_revoked: 'yes' })).toBe('include_revoked');
    expect(refusal({ team_id: 'x' })).toBe('team_id');
    expect(refusal({ user_id: id })).toBe('user_id');
  });
});
