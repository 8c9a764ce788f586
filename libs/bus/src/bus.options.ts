import type { BusPropagator } from './bus-context.js';

/** A pino-compatible logger. */
export interface BusLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Metric hooks, wired to prom-client by the app. Outcomes are `ok` or an error
 * code; subjects are plain (low cardinality).
 */
export interface BusMetrics {
  /** Caller side of request/reply. */
  observeRequest?(subject: string, outcome: string, seconds: number): void;
  /** A handler of `respond`, `onWork` or `subscribe`. */
  observeHandler?(subject: string, outcome: string, seconds: number): void;
  /** Time to the stream's ack of a `publish`. */
  observePublish?(subject: string, outcome: string, seconds: number): void;
  /** A consumer batch: `ack`, `nak` or `term`, with its size. */
  observeBatch?(durable: string, outcome: 'ack' | 'nak' | 'term', size: number, seconds: number): void;
  /**
   * Consumer lag, polled every `intervalMs` while a durable consumer runs: messages of
   * the stream not yet delivered to it (`pending`) and delivered but not acked (`ackPending`).
   */
  consumerLag?: { intervalMs: number; observe(durable: string, pending: number, ackPending: number): void };
}

/** Options both adapters take. */
export interface CommonBusOptions {
  /**
   * Prefix of every subject on the wire (`<namespace>.helix.…`) and suffix of every
   * stream name (`HELIX_EVENTS_<namespace>`), so tests, or two deployments, share
   * one NATS without seeing each other. Handlers and callers use plain subjects.
   */
  namespace?: string;
  /** Default: correlation id and trace headers only (see {@link correlationPropagator}). */
  propagator?: BusPropagator;
  /** Default: console. */
  logger?: BusLogger;
  metrics?: BusMetrics;
}

export const consoleLogger: BusLogger = {
  warn: (obj, msg) => console.warn(`[bus] ${msg}`, obj),
  error: (obj, msg) => console.error(`[bus] ${msg}`, obj),
};
