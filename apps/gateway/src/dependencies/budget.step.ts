import type { PipelineStepConfig } from '@helix/config';
import { BudgetVerdict, ErrorCodes, HelixError } from '@helix/contracts';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { applyFailurePolicy } from './failure-policy.js';
import type { BudgetPort } from './ports.js';
import { busHeaders, tenantOf } from './tenant.js';
import { charsOfTokens, sizedTimeoutMs } from './sized-timeout.js';

/**
 * Reserves the request's cost at every budget level before the provider call
 * (the cost-service decides, atomically). A refusal is a 429 naming the level;
 * a strict budget caps max_tokens (the request's own field, so the provider
 * cannot overspend; `x-helix-budget-capped` says so); a swap policy may name a
 * cheaper model. The completed event settles the reservation, whatever the outcome.
 */
export class BudgetStep implements Step {
  readonly name = 'budget';

  constructor(
    private readonly port: BudgetPort,
    private readonly config: () => PipelineStepConfig,
    private readonly swapTo: (state: RequestState, model: string) => void,
  ) {}

  async before(state: RequestState): Promise<void> {
    const cfg = this.config();
    if (!cfg.enabled) return;
    const body = state.body;
    const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? 0;
    let reply;
    try {
      reply = await this.port.reserve(
        {
          reservationId: state.eventId,
          tenant: tenantOf(state),
          model: state.model,
          priceModel: state.route?.deployments[0]?.model ?? '',
          promptTokens: state.estimatedPromptTokens,
          maxTokens,
        },
        sizedTimeoutMs(cfg.timeoutMs, charsOfTokens(state.estimatedPromptTokens)),
        busHeaders(state),
      );
    } catch (err) {
      applyFailurePolicy(this.name, ErrorCodes.budgetUnavailable, cfg, state, err);
      return;
    }
    if (reply.verdict === BudgetVerdict.REFUSE) {
      throw new HelixError(429, 'insufficient_quota', reply.message || `The ${reply.level} budget (${reply.scopeId}) is exhausted.`, ErrorCodes.budgetExceeded, null, { 'x-helix-budget-level': reply.level });
    }
    state.budget = { reservationId: state.eventId, reservedPicoUsd: reply.reservedPicoUsd, cappedMaxTokens: reply.cappedMaxTokens };
    if (reply.cappedMaxTokens > 0) capMaxTokens(state, reply.cappedMaxTokens);
    if (reply.swapModel && reply.swapModel !== state.model) this.swapTo(state, reply.swapModel);
  }
}

/** Sets the request's output limit to what the budget can pay for, in the field(s) the client used (`max_tokens` when none). */
function capMaxTokens(state: RequestState, cap: number): void {
  const body = { ...state.body };
  if (body.max_completion_tokens != null) body.max_completion_tokens = cap;
  if (body.max_completion_tokens == null || body.max_tokens != null) body.max_tokens = cap;
  state.body = body;
  state.responseHeaders['x-helix-budget-capped'] = String(cap);
}
