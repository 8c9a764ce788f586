import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@helix/bus';
import {
  BudgetVerdict,
  RpcSubjects,
  type AlertChannelCommand,
  type BudgetCommand,
  type BudgetReserveRequest,
  type SpendReportRequest,
  type SpendRequest,
  type UserDataEraseRequest,
  type UserDataExportRequest,
} from '@helix/contracts';
import { annotateSpan } from '@helix/telemetry';
import type { CostCore } from './cost-core.js';
import { COST_CORE } from './cost.tokens.js';

/** The cost-service's request/reply subjects: decode, call the use case, encode. */
@Controller()
@UseFilters(BusExceptionFilter)
export class CostRpcController {
  constructor(@Inject(COST_CORE) private readonly core: CostCore) {}

  @MessagePattern(RpcSubjects.costReserve)
  async reserve(@Payload() req: BudgetReserveRequest) {
    const end = this.core.metrics.reserveSeconds.startTimer();
    const reply = await this.core.reserve.execute(req);
    end();
    const verdict = reply.verdict === BudgetVerdict.REFUSE ? 'refuse' : reply.cappedMaxTokens ? 'capped' : 'allow';
    this.core.metrics.reservations.inc({ verdict });
    annotateSpan(() => ({ 'helix.budget.verdict': verdict }));
    return reply;
  }

  @MessagePattern(RpcSubjects.costSpend)
  spend(@Payload() req: SpendRequest) {
    return this.core.spend.execute(req);
  }

  @MessagePattern(RpcSubjects.costReport)
  report(@Payload() req: SpendReportRequest) {
    return this.core.report.execute(req);
  }

  @MessagePattern(RpcSubjects.costBudgets)
  budgets(@Payload() cmd: BudgetCommand) {
    return this.core.budgets.execute(cmd);
  }

  @MessagePattern(RpcSubjects.costChannels)
  channels(@Payload() cmd: AlertChannelCommand) {
    return this.core.channels.execute(cmd);
  }

  @MessagePattern(RpcSubjects.costExport)
  exportUser(@Payload() req: UserDataExportRequest) {
    return this.core.userData.exportPage(req);
  }

  @MessagePattern(RpcSubjects.costErase)
  eraseUser(@Payload() req: UserDataEraseRequest) {
    return this.core.userData.erase(req);
  }
}
