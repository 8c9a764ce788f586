import type { PipelineStepConfig } from '@helix/config';
import { BusRequestError } from '@helix/bus';
import { ErrorCodes, Errors, HelixError } from '@helix/contracts';
import { metrics } from '@helix/telemetry';
import type { RequestState } from '../pipeline/request-state.js';

const failureCounter = metrics.counter('helix_pipeline_dependency_failures_total', 'Bus steps whose service errored or timed out, by the policy applied.', ['step', 'policy']);
const failures = () => failureCounter;

const BUS_DOWN: ReadonlySet<string> = new Set([ErrorCodes.busTimeout, ErrorCodes.busNoResponders, ErrorCodes.busUnavailable, ErrorCodes.internal]);

/** The service could not answer (as opposed to answering with a refusal of its own). */
export function isUnavailable(err: unknown): boolean {
  return err instanceof BusRequestError ? BUS_DOWN.has(err.code) || err.retryable : !(err instanceof HelixError);
}

/**
 * What a step does when its service fails (DESIGN §2): fail closed with a 503 and
 * the step's code, or fail open (the team asked for it) and go on. Either way it
 * is counted. An error the service meant (a refusal) is not a failure: it passes.
 */
export function applyFailurePolicy(step: string, code: string, cfg: PipelineStepConfig, state: RequestState, err: unknown): void {
  if (!isUnavailable(err)) throw err instanceof BusRequestError ? new HelixError(400, 'invalid_request_error', err.message, err.code) : err;
  const open = cfg.failOpen || (!!state.identity && cfg.failOpenTeams.includes(state.identity.teamId));
  failures().inc({ step, policy: open ? 'fail_open' : 'fail_closed' });
  if (!open) throw Errors.unavailable(`The ${step} service is unavailable, so the request was refused. Retry shortly.`, code);
}
