import type { Answer } from '../pipeline/answer.js';
import type { RoutedDeployment } from '../models/model-catalog.js';

/** What the router gives one attempt. */
export interface AttemptContext {
  /** The attempt's timeout: the deployment's, or lower when the request asked (`x-helix-timeout-ms`). */
  timeoutMs: number;
  /**
   * Ends the attempt's work. A JSON answer is over when returned; a stream calls this at its end,
   * with the error when it failed after its first byte (then too late to retry: the breaker counts it).
   */
  done(error?: unknown): void;
}

/**
 * One call to one deployment, made by the endpoint (chat today). It resolves with the answer
 * once it is safe to send: a JSON body, or a stream whose first chunk has arrived, so a
 * stream that fails before its first byte can still go to another deployment. It rejects with
 * a `HelixError` (status, `retry-after` headers) that the router classifies.
 */
export type Attempt = (dep: RoutedDeployment, ctx: AttemptContext) => Promise<Answer>;
