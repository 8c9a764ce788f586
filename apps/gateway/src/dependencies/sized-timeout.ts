/**
 * Characters per ms a step's bus timeout allows for on top of its configured `timeoutMs`: a floor far
 * below what the pii-service scans on one core (about 3,300 chars/ms in bench:pii; a prompt dense with
 * personal data on a 2-core machine shared with other work went at about 50). A large prompt
 * gets the time its work needs (the PII scan; in one process, also the steps beside it whose replies
 * wait behind that scan) instead of a 503 from a timeout meant to catch a missing service.
 */
export const CHARS_PER_MS_FLOOR = 25;

/** A step's timeout for `chars` characters of prompt: the configured one, plus 1 ms per CHARS_PER_MS_FLOOR characters (1 MB: 40 s). */
export function sizedTimeoutMs(timeoutMs: number, chars: number): number {
  return timeoutMs + Math.ceil(chars / CHARS_PER_MS_FLOOR);
}

/** Characters of the prompt behind a token estimate (about four per token). */
export const charsOfTokens = (tokens: number): number => tokens * 4;
