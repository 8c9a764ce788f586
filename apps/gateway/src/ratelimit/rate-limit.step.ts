import { Inject, Injectable } from '@nestjs/common';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { Errors, ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import { LOGGER, metrics, type Logger } from '@helix/telemetry';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { openaiDuration } from './rate-limit-headers.js';
import { RATE_LIMITER, type Admission, type LimitedBy, type RateLimiter } from './rate-limiter.js';

const rateLimited = metrics.counter('helix_rate_limited_total', 'Requests refused by a rate limit, by the scope of the limit (key or team).', ['scope']);
const limitErrors = metrics.counter('helix_rate_limit_errors_total', 'Requests whose rate limits could not be checked (served or refused per rateLimits.onError).');
const LOG_EVERY_MS = 60_000;

/**
 * Pipeline step `rate-limit`, after `auth`. Before: admits the request against
 * the key's and team's RPM/TPM with its prompt tokens plus `max_tokens` (or the
 * configured default), puts the `x-ratelimit-*` headers on the response, and
 * refuses with a 429. After: settles the tokens with the real usage. When the
 * limiter fails, `rateLimits.onError` decides: serve unlimited, or a 503.
 */
@Injectable()
export class RateLimitStep implements Step {
  readonly name = 'rate-limit';
  private readonly estimated = new WeakMap<RequestState, number>();
  private lastErrorLog = 0;

  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(CONFIG_STORE) private readonly config: ConfigStore,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async before(state: RequestState): Promise<void> {
    if (!state.identity) return;
    const completion = state.body.max_completion_tokens ?? state.body.max_tokens ?? this.config.current.rateLimits.defaultCompletionTokens;
    const tokens = state.estimatedPromptTokens + completion;
    const admission = await this.admit(state, tokens);
    if (!admission) return;
    Object.assign(state.responseHeaders, admission.headers);
    if (!admission.allowed) {
      state.rateLimited = true;
      rateLimited.inc({ scope: admission.limitedBy!.scope });
      throw refusal(admission);
    }
    this.estimated.set(state, tokens);
  }

  private async admit(state: RequestState, tokens: number): Promise<Admission | undefined> {
    try {
      return await this.limiter.admit(state.identity!, tokens);
    } catch (err) {
      limitErrors.inc();
      if (Date.now() - this.lastErrorLog > LOG_EVERY_MS) {
        this.lastErrorLog = Date.now();
        this.log.warn({ err }, 'rate limits cannot be checked (logged once a minute; see helix_rate_limit_errors_total)');
      }
      if (this.config.current.rateLimits.onError === 'open') return undefined;
      throw Errors.unavailable('Rate limits cannot be checked right now; please try again shortly.', 'rate_limit_unavailable');
    }
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
