import { Injectable } from '@nestjs/common';
import { Errors } from '@helix/contracts';
import { authFailures } from '../identity/identity.metrics.js';
import { IdentityService } from '../identity/identity.service.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { presentedKey } from './presented-key.js';

/**
 * Pipeline step `auth`: resolves the presented key (401 `invalid_api_key` when
 * missing, unknown, revoked or expired), refuses a model the key may not use
 * (403 `permission_denied`), and sets `state.identity`. On a cache hit it costs
 * one SHA-256 and one LRU lookup; when the route's guard already resolved the key
 * (the controller passes it in `state.identity`), nothing.
 */
@Injectable()
export class AuthStep implements Step {
  readonly name = 'auth';

  constructor(private readonly identities: IdentityService) {}

  async before(state: RequestState): Promise<void> {
    const identity = state.identity ?? (await this.identities.authenticate(presentedKey((name) => state.header(name))));
    if (identity.models && !identity.models.includes(state.requestedModel)) {
      authFailures.inc({ reason: 'model' });
      throw Errors.forbidden(`This API key may not use the model \`${state.requestedModel}\`.`);
    }
    state.identity = identity;
  }
}
