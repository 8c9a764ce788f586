import type { Answer } from './answer.js';
import type { RequestState } from './request-state.js';

/**
 * One step of the gateway pipeline (DESIGN §3). The contract, after bifrost's
 * plugin hooks:
 *
 * - `before` hooks run in pipeline order; steps in one group run concurrently
 *   (budget ‖ pii). A `before` may short-circuit by returning an {@link Answer}
 *   (a cache hit): later steps and the provider are skipped. It refuses by
 *   throwing a `HelixError`.
 * - `transform` hooks wrap the answer on its way out, in reverse order, only for
 *   steps whose `before` ran. So the cache sees the provider's (redacted) answer
 *   before the PII step restores it for the caller. A transform may be async
 *   (scanning a whole JSON answer); stream transforms stay lazy.
 * - `after` hooks run in reverse order once the answer is fully sent, failed or
 *   aborted, again only for steps whose `before` ran (the short-circuiting one
 *   included). They never fail the request: errors are logged and counted.
 */
export interface Step {
  readonly name: string;
  before?(state: RequestState): Promise<Answer | void> | Answer | void;
  transform?(answer: Answer, state: RequestState): Answer | Promise<Answer>;
  after?(state: RequestState): Promise<void> | void;
}

/** The terminal step: produces the answer when no step short-circuited. */
export interface Handler {
  handle(state: RequestState): Promise<Answer>;
}
