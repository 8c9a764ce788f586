import { Inject, Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { BUS, BusRequestError, type Bus } from '@helix/bus';
import { ErrorCodes, Errors, HelixError, RpcSubjects, type RpcSubject, type rpcSchemas } from '@helix/contracts';

const TIMEOUT_MS = 30_000;
type Init<S extends RpcSubject> = MessageInitShape<(typeof rpcSchemas)[S]['request']>;

/** The cache admin API's line to the cache-service. Its refusals come back as 400s; a service that does not answer is a 503 `cache_unavailable`. */
@Injectable()
export class CacheAdminClient {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  stats = (req: Init<typeof RpcSubjects.cacheStats>) => this.call(RpcSubjects.cacheStats, req);
  invalidate = (req: Init<typeof RpcSubjects.cacheInvalidate>) => this.call(RpcSubjects.cacheInvalidate, req);
  warm = (req: Init<typeof RpcSubjects.cacheWarm>) => this.call(RpcSubjects.cacheWarm, req);
  health = () => this.call(RpcSubjects.cacheHealth, {});

  private async call<S extends RpcSubject>(subject: S, msg: Init<S>) {
    try {
      return await this.bus.request(subject, msg as never, { timeoutMs: TIMEOUT_MS });
    } catch (err) {
      if (!(err instanceof BusRequestError)) throw err;
      if (err.code === ErrorCodes.invalidRequest) throw Errors.badRequest(err.message);
      throw new HelixError(503, 'service_unavailable_error', 'The cache-service is unavailable. Retry shortly.', ErrorCodes.cacheUnavailable, null, {}, true);
    }
  }
}
