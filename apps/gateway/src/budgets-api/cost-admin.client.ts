import { Inject, Injectable } from '@nestjs/common';
import { BUS, BusRequestError, type Bus } from '@helix/bus';
import { ErrorCodes, Errors, HelixError, RpcSubjects, type RpcSubject } from '@helix/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { rpcSchemas } from '@helix/contracts';

const TIMEOUT_MS = 5_000;
type Init<S extends RpcSubject> = MessageInitShape<(typeof rpcSchemas)[S]['request']>;

/**
 * The admin API's line to the cost-service, which owns budgets, alert channels
 * and the ledger. Its typed refusals come back as the same HTTP errors
 * (400, 403, 404); a cost-service that does not answer is a 503.
 */
@Injectable()
export class CostAdminClient {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  budgets = (cmd: Init<typeof RpcSubjects.costBudgets>) => this.call(RpcSubjects.costBudgets, cmd);
  channels = (cmd: Init<typeof RpcSubjects.costChannels>) => this.call(RpcSubjects.costChannels, cmd);
  spend = (req: Init<typeof RpcSubjects.costSpend>) => this.call(RpcSubjects.costSpend, req);
  report = (req: Init<typeof RpcSubjects.costReport>) => this.call(RpcSubjects.costReport, req);

  private async call<S extends RpcSubject>(subject: S, msg: Init<S>) {
    try {
      return await this.bus.request(subject, msg as never, { timeoutMs: TIMEOUT_MS });
    } catch (err) {
      throw toHttpError(err);
    }
  }
}

/** A cost-service error → the admin API's error. */
export function toHttpError(err: unknown): unknown {
  if (!(err instanceof BusRequestError)) return err;
  switch (err.code) {
    case ErrorCodes.invalidRequest:
      return Errors.badRequest(err.message);
    case ErrorCodes.forbidden:
      return Errors.forbidden(err.message);
    case ErrorCodes.notFound:
      return Errors.notFound(err.message);
    default:
      return new HelixError(503, 'service_unavailable_error', 'The cost-service is unavailable. Retry shortly.', ErrorCodes.budgetUnavailable, null, {}, true);
  }
}
