import { create } from '@bufbuild/protobuf';
import { CacheStatus, PiiDetectedSchema, RequestOutcome, uuidv7 } from '@helix/contracts';
import { completed } from './analytics-db.js';

const H = 3_600_000;
const usd = (v: number) => BigInt(Math.round(v * 1e6)) * 1_000_000n;

/**
 * A small world whose answers are worked out by hand in api.int-spec.ts. Day D is
 * three UTC days ago; org o1 has teams tA (model big on openai) and tB (model
 * small on anthropic); org o2 has one expensive request.
 */
export function seed(D: number) {
  const a = { org: 'o1', team: 'tA', user: 'uA', key: 'kA', model: 'big', provider: 'openai' };
  const b = { org: 'o1', team: 'tB', user: 'uB', key: 'kB', model: 'small', provider: 'anthropic' };
  const requests = [
    completed({ ...a, at: D + 1 * H + 10 * 60_000, input: 100, output: 50, costPico: usd(0.5), durationMs: 120 }),
    completed({ ...a, at: D + 1 * H + 20 * 60_000, input: 200, output: 30, costPico: usd(1), durationMs: 180, ttfbMs: 40 }),
    completed({ ...a, at: D + 1 * H + 40 * 60_000, input: 100, output: 50, costPico: 0n, savedPico: usd(0.5), cache: CacheStatus.HIT_EXACT, durationMs: 8 }),
    completed({ ...b, at: D + 2 * H + 5 * 60_000, input: 10, output: 5, costPico: usd(0.01), durationMs: 60 }),
    completed({ ...b, at: D + 2 * H + 30 * 60_000, input: 0, output: 0, costPico: 0n, outcome: RequestOutcome.UPSTREAM_ERROR, errorType: 'upstream_error', durationMs: 900 }),
    completed({ ...b, at: D + 27 * H, input: 10, output: 5, costPico: 0n, savedPico: usd(0.01), cache: CacheStatus.HIT_SEMANTIC, durationMs: 12 }),
    completed({ org: 'o2', team: 'tC', user: 'uC', key: 'kC', model: 'big', at: D + 28 * H, input: 1000, output: 1000, costPico: usd(5), durationMs: 300 }),
    completed({ ...a, at: D + 29 * H, input: 0, output: 0, costPico: 0n, outcome: RequestOutcome.CLIENT_ERROR, errorType: 'invalid_request_error', cache: CacheStatus.UNSPECIFIED, durationMs: 5 }),
  ];
  const pii = (tenant: typeof a, at: number, counts: { entityType: string; count: number; operator: string }[], blocked = false) =>
    create(PiiDetectedSchema, { eventId: uuidv7(at), requestId: uuidv7(at), timestampMs: BigInt(at), tenant: { orgId: tenant.org, teamId: tenant.team, userId: tenant.user, keyId: tenant.key }, counts, blocked });
  const detections = [
    pii(a, D + 1 * H, [{ entityType: 'EMAIL_ADDRESS', count: 2, operator: 'replace' }]),
    pii(a, D + 2 * H, [{ entityType: 'PERSON', count: 1, operator: 'replace' }, { entityType: 'EMAIL_ADDRESS', count: 1, operator: 'replace' }]),
    pii(b, D + 3 * H, [{ entityType: 'CREDIT_CARD', count: 1, operator: 'block' }], true),
  ];
  return { requests, detections };
}
