/** The time source of identity and rate limits, injectable so tests can move time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** DI token of the {@link Clock}. */
export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => Date.now() };
