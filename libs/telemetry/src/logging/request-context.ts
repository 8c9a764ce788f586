import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line (and later span) inside one request carries, without passing it around. */
export interface RequestContext {
  /** Follows the request across services: the client's `x-request-id`, or one Helix made. */
  readonly correlationId: string;
  /** The server-made id of this request (UUIDv7), when it differs from the correlation id. */
  readonly requestId?: string;
  /** The W3C trace id, once tracing runs. */
  readonly traceId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request the current async call chain belongs to. */
export const requestContext = {
  /** Runs `fn` (and everything it awaits or schedules) inside `context`. */
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  /** The current request's context; undefined outside any request. */
  get(): RequestContext | undefined {
    return storage.getStore();
  },
};
