import type { MessageInitShape } from '@bufbuild/protobuf';
import { Inject, Injectable } from '@nestjs/common';
import { BUS, BusRequestError, type Bus } from '@helix/bus';
import { AdminOp, ErrorCodes, Errors, RpcSubjects, type Budget, type BudgetSpend, type SpendRequestSchema } from '@helix/contracts';
import type { Scope } from '@helix/analytics';

const TIMEOUT_MS = 5_000;

/** The analytics API's line to the cost-service, which owns budgets and their spend (DESIGN §5: never its tables). */
@Injectable()
export class CostClient {
  constructor(@Inject(BUS) private readonly bus: Bus) {}

  async spend(req: MessageInitShape<typeof SpendRequestSchema>): Promise<BudgetSpend[]> {
    return (await this.call(() => this.bus.request(RpcSubjects.costSpend, req, { timeoutMs: TIMEOUT_MS }))).budgets;
  }

  async budgets(scope: Scope): Promise<Budget[]> {
    const reply = await this.call(() => this.bus.request(RpcSubjects.costBudgets, { op: AdminOp.LIST, scope, limit: 100 }, { timeoutMs: TIMEOUT_MS }));
    return reply.budgets;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof BusRequestError && err.code === ErrorCodes.invalidRequest) throw Errors.badRequest(err.message);
      throw Errors.unavailable('The cost-service did not answer. Retry shortly.', ErrorCodes.budgetUnavailable);
    }
  }
}
