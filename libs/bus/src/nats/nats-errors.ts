import { errors, RequestError } from '@nats-io/transport-node';
import { JetStreamError } from '@nats-io/jetstream';
import { BusRequestError } from '../bus-error.js';

/** The caller-side mapping of every NATS client error to a BusRequestError. */
export function fromNatsError(err: unknown, subject: string, timeoutMs: number): BusRequestError {
  if (err instanceof BusRequestError) return err;
  if (err instanceof errors.TimeoutError) return BusRequestError.timeout(subject, timeoutMs, err);
  if (err instanceof RequestError) {
    if (err.isNoResponders()) return BusRequestError.noResponders(subject, err);
    if (err.cause instanceof errors.TimeoutError) return BusRequestError.timeout(subject, timeoutMs, err);
  }
  if (err instanceof errors.NoRespondersError) return BusRequestError.noResponders(subject, err);
  if (err instanceof errors.InvalidArgumentError && /max_payload/.test(err.message)) {
    return BusRequestError.badMessage(`${subject}: ${err.message}`, err);
  }
  if (err instanceof JetStreamError) return BusRequestError.unavailable(`JetStream on ${subject}: ${err.message}`, err);
  const message = err instanceof Error ? err.message : String(err);
  return BusRequestError.unavailable(message, err);
}
