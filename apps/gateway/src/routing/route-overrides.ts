import { Errors } from '@helix/contracts';

/** Only deployments that carry every one of these tags (comma-separated). */
export const ROUTE_TAGS_HEADER = 'x-helix-route-tags';
/** A per-attempt timeout in ms; only lowers a deployment's configured `timeoutMs`. */
export const TIMEOUT_HEADER = 'x-helix-timeout-ms';

const TAG = /^[\w.:-]{1,64}$/;
const MAX_TAGS = 16;

/**
 * What a request may change about its routing. Both overrides can only narrow what the
 * operator configured (a subset of the deployments, a shorter timeout), so any key may use them.
 */
export interface RouteOverrides {
  tags: readonly string[];
  timeoutMs?: number;
}

/** Reads the override headers; a malformed one is a 400 naming the header. */
export function readOverrides(header: (name: string) => string | undefined): RouteOverrides {
  const rawTags = header(ROUTE_TAGS_HEADER);
  const tags = rawTags ? rawTags.split(',').map((t) => t.trim()).filter(Boolean) : [];
  if (tags.length > MAX_TAGS || tags.some((t) => !TAG.test(t))) {
    throw Errors.badRequest(`The header ${ROUTE_TAGS_HEADER} must list up to ${MAX_TAGS} tags (letters, digits, _ . : -), separated by commas.`, ROUTE_TAGS_HEADER, 'invalid_value');
  }
  const rawTimeout = header(TIMEOUT_HEADER);
  if (rawTimeout === undefined) return { tags };
  const timeoutMs = Number(rawTimeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw Errors.badRequest(`The header ${TIMEOUT_HEADER} must be a whole number of milliseconds above 0.`, TIMEOUT_HEADER, 'invalid_value');
  }
  return { tags, timeoutMs };
}

export const hasTags = (dep: { tags?: readonly string[] }, tags: readonly string[]): boolean => tags.every((t) => dep.tags?.includes(t));
