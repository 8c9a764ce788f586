import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { BusEventPattern, type Delivery } from '@helix/bus';
import { EventSubjects, type BudgetAlert, type RequestCompleted } from '@helix/contracts';
import type { CostCore } from './cost-core.js';
import { COST_CORE } from './cost.tokens.js';

/** Durable consumers: the spend ledger (batches) and alert delivery (per alert). Resolve = acked; throw = redelivered. */
@Controller()
export class CostEventsController {
  constructor(@Inject(COST_CORE) private readonly core: CostCore) {}

  @BusEventPattern(EventSubjects.requestCompleted, { durable: 'cost-ledger', batch: 500, maxWaitMs: 50, ackWaitMs: 15_000 })
  async ledger(@Payload() batch: Delivery<RequestCompleted>[]) {
    const { inserted, costPico } = await this.core.ingest.execute(batch.map((d) => d.message));
    this.core.metrics.ledgerEvents.inc({ result: 'inserted' }, inserted);
    this.core.metrics.spend.inc(Number(costPico) / 1e12);
    if (batch.length > inserted) this.core.metrics.ledgerEvents.inc({ result: 'duplicate' }, batch.length - inserted);
  }

  @BusEventPattern(EventSubjects.budgetAlert, { durable: 'cost-alerts', nakDelayMs: 10_000, ackWaitMs: 120_000 })
  async alert(@Payload() alert: BudgetAlert) {
    await this.core.deliver.execute(alert);
  }
}
