import { ErrorCodes, uuidv7 } from '@helix/contracts';
import type { BusLogger } from './bus.options.js';

/** The typed error on the wire (`BusErrorSchema`): what a caller may see of a failure. */
export interface BusErrorShape {
  code: string;
  message: string;
  retryable: boolean;
}

/**
 * The error every failed `request` rejects with: the bus's own codes
 * (`bus_timeout`, `bus_no_responders`, `bus_unavailable`, `bad_message`,
 * `payload_too_large`) or the code the responder sent.
 */
export class BusRequestError extends Error implements BusErrorShape {
  override readonly name = 'BusRequestError';
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, retryable: boolean, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.retryable = retryable;
  }

  static timeout(subject: string, timeoutMs: number, cause?: unknown): BusRequestError {
    return new BusRequestError(ErrorCodes.busTimeout, `no reply on ${subject} within ${timeoutMs} ms`, true, { cause });
  }

  static noResponders(subject: string, cause?: unknown): BusRequestError {
    return new BusRequestError(ErrorCodes.busNoResponders, `no responders on ${subject}`, true, { cause });
  }

  static unavailable(detail: string, cause?: unknown): BusRequestError {
    return new BusRequestError(ErrorCodes.busUnavailable, `bus unavailable: ${detail}`, true, { cause });
  }

  static badMessage(detail: string, cause?: unknown): BusRequestError {
    return new BusRequestError(ErrorCodes.badMessage, `bad message: ${detail}`, false, { cause });
  }

  static payloadTooLarge(subject: string, size: number, max: number): BusRequestError {
    return new BusRequestError(ErrorCodes.payloadTooLarge, `message on ${subject} is ${size} B; the bus allows ${max} B`, false);
  }

  /** The caller-side mapping of an error reply. */
  static fromWire(e: BusErrorShape): BusRequestError {
    return new BusRequestError(e.code || ErrorCodes.internal, e.message, e.retryable);
  }
}

const knownCodes: ReadonlySet<string> = new Set(Object.values(ErrorCodes));

/**
 * The one responder-side mapper from a thrown value to the wire error. An error
 * (or plain object, e.g. an `RpcException` payload) with a string `code` and a
 * boolean `retryable`, or with a code from `ErrorCodes`, keeps them. Anything
 * else becomes a non-retryable `internal_error` with a generic message and a
 * reference; the real cause is logged under the same reference.
 */
export function toBusError(err: unknown, log?: BusLogger): BusErrorShape {
  if (typeof err === 'object' && err !== null) {
    const { code, retryable, message } = err as Partial<BusErrorShape>;
    if (typeof code === 'string' && (typeof retryable === 'boolean' || knownCodes.has(code))) {
      return { code, message: typeof message === 'string' ? message : code, retryable: retryable === true };
    }
  }
  const ref = uuidv7();
  log?.error({ err, ref }, 'bus handler failed');
  return { code: ErrorCodes.internal, message: `internal error (ref ${ref})`, retryable: false };
}
