import type { LimitsConfig } from '@helix/config';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { ceilingsOf, checkCeilings } from './request-ceilings.js';

/**
 * Pipeline step `limits`, right after `auth`: the team's messages and
 * max_tokens ceilings (`limits` in config, read on every request so a reload
 * applies at once). The body size ceiling is Fastify's (`http.bodyLimitBytes`, 413).
 */
export class LimitsStep implements Step {
  readonly name = 'limits';

  constructor(private readonly limits: () => LimitsConfig) {}

  before(state: RequestState): void {
    checkCeilings(state.body, state.endpoint, ceilingsOf(this.limits(), state.identity?.teamId ?? ''));
  }
}
