import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { BusEventPattern, type Delivery } from '@helix/bus';
import { EventSubjects, type BudgetAlert, type PiiDetected, type RequestCompleted } from '@helix/contracts';
import type { AnalyticsCore } from './analytics-core.js';
import { ANALYTICS_CORE } from './analytics.tokens.js';

/** Up to 2000 events per statement: under load, each rollup row then takes several events at once. */
const BATCH = { batch: 2_000, maxWaitMs: 50, ackWaitMs: 60_000 };

/** Durable consumers of the events analytics keeps, in batches. Resolve = acked; throw = redelivered. */
@Controller()
export class AnalyticsEventsController {
  constructor(@Inject(ANALYTICS_CORE) private readonly core: AnalyticsCore) {}

  @BusEventPattern(EventSubjects.requestCompleted, { durable: 'analytics-requests', ...BATCH })
  async requests(@Payload() batch: Delivery<RequestCompleted>[]) {
    const end = this.core.metrics.ingestSeconds.startTimer({ kind: 'request' });
    const r = await this.core.ingest.requests(batch.map((d) => d.message));
    end();
    for (const [result, n] of Object.entries(r)) if (n) this.core.metrics.events.inc({ kind: 'request', result }, n);
  }

  @BusEventPattern(EventSubjects.piiDetected, { durable: 'analytics-pii', ...BATCH })
  async pii(@Payload() batch: Delivery<PiiDetected>[]) {
    await this.core.ingest.pii(batch.map((d) => d.message));
    this.core.metrics.events.inc({ kind: 'pii', result: 'inserted' }, batch.length);
  }

  @BusEventPattern(EventSubjects.budgetAlert, { durable: 'analytics-alerts', ...BATCH })
  async alerts(@Payload() batch: Delivery<BudgetAlert>[]) {
    await this.core.ingest.alerts(batch.map((d) => d.message));
    this.core.metrics.events.inc({ kind: 'alert', result: 'inserted' }, batch.length);
  }
}
