import { Inject, Injectable } from '@nestjs/common';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { Errors, ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import { metrics } from '@helix/telemetry';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { openaiDuration } from './rate-limit-headers.js';
import { RATE_LIMITER, type Admission, type LimitedBy, type RateLimiter } from './rate-limiter.js';

const rateLimited = metrics.counter('helix_rate_limited_total', 'Requests refused by a rate limit, by the scope of the limit (key or team).', ['scope']);

/**
 * Pipeline step `rate-limit`, after `auth`. Before: admits the request against
 * the key's and team's RPM/TPM with its prompt tokens plus `max_tokens` (or the
 * configured default), puts the `x-ratelimit-*` headers on the response, and
 * refuses with a 429. After: settles the tokens with the real usage.
 */
@Injectable()
export class RateLimitStep implements Step {
  readonly name = 'rate-limit';
  private readonly estimated = new WeakMap<RequestState, number>();

  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(CONFIG_STORE) private readonly config: ConfigStore,
  ) {}

  async before(state: RequestState): Promise<void> {
    if (!state.identity) return;
    const completion = state.body.max_completion_tokens ?? state.body.max_tokens ?? this.config.current.rateLimits.defaultCompletionTokens;
    const tokens = state.estimatedPromptTokens + completion;
    const admission = await this.limiter.admit(state.identity, tokens);
    Object.assign(state.responseHeaders, admission.headers);
    if (!admission.allowed) {
      state.rateLimited = true;
      rateLimited.inc({ scope: admission.limitedBy!.scope });
      throw refusal(admission);
    }
    this.estimated.set(state, tokens);
  }

  async after(state: RequestState): Promise<void> {
    const estimated = this.estimated.get(state);
    if (estimated === undefined || !state.identity) return;
    this.estimated.delete(state);
    const used = state.usage ? state.usage.inputTokens + state.usage.outputTokens : 0;
    await this.limiter.settle(state.identity, used - estimated);
  }
}

const perMinute = { requests: 'requests per min (RPM)', tokens: 'tokens per min (TPM)' } as const;

function refusal({ limitedBy, retryAfterS, headers, tooLarge }: Admission): HelixError {
  const { scope, kind, limit, requested } = limitedBy as LimitedBy;
  const where = `this ${scope === 'key' ? 'API key' : 'team'} on ${perMinute[kind]}: Limit ${limit}, Requested ${requested}`;
  if (tooLarge) {
    const message = `Request too large for ${where}. The input or output tokens must be reduced in order to run successfully.`;
    return new HelixError(429, ErrorTypes.rateLimit, message, ErrorCodes.rateLimited, null, headers, false);
  }
  return Errors.rateLimited(`Rate limit reached for ${where}. Please try again in ${openaiDuration(retryAfterS * 1_000)}.`, retryAfterS, headers);
}
