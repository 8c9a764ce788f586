import { Errors } from '@helix/contracts';

/** One page request of a list: `limit` (1–100, default 20), `after` (an id), filters, `include_revoked`. */
export interface PageQuery {
  limit: number;
  after?: string;
  includeRevoked: boolean;
  /** Equality filters, by query parameter name. */
  filters: Record<string, string>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LIMIT = 100;

/** Reads the query string of a list route; a bad value is a 400 naming its parameter. */
export function parsePage(query: Record<string, unknown>, filterParams: readonly string[] = []): PageQuery {
  const page: PageQuery = { limit: 20, includeRevoked: false, filters: {} };
  for (const [name, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string') throw invalid(name, 'a single value');
    if (name === 'limit') page.limit = parseLimit(value);
    else if (name === 'after') page.after = uuid(name, value);
    else if (name === 'include_revoked') page.includeRevoked = parseBool(name, value);
    else if (filterParams.includes(name)) page.filters[name] = uuid(name, value);
    else throw Errors.badRequest(`Unknown query parameter: '${name}'.`, name, 'unknown_parameter');
  }
  return page;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_LIMIT) throw invalid('limit', `an integer from 1 to ${MAX_LIMIT}`);
  return n;
}

function parseBool(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') throw invalid(name, 'true or false');
  return value === 'true';
}

function uuid(name: string, value: string): string {
  if (!UUID.test(value)) throw invalid(name, 'an id');
  return value.toLowerCase();
}

function invalid(name: string, expected: string) {
  return Errors.badRequest(`Invalid value for '${name}': expected ${expected}.`, name, 'invalid_value');
}
