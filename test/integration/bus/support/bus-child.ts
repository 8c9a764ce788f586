// A consumer in its own process, for the "killed mid-batch" contract test:
// it opens the bus described by argv[2], pulls one batch of the durable,
// prints `batch <n> <ids>` and never acks; the test kills it with SIGKILL.
import { createInProcessBus, createNatsBus, type Bus } from '@helix/bus';
import type { ChildBusSpec } from './child-spec.js';

const spec = JSON.parse(process.argv[2]!) as ChildBusSpec & { durable: string; filter: string; batch: number; ackWaitMs: number };
const bus: Bus =
  spec.kind === 'nats'
    ? await createNatsBus({ servers: spec.natsUrl, name: 'bus-contract-child', namespace: spec.namespace })
    : createInProcessBus({ journalDir: spec.journalDir });

await bus.consume({ durable: spec.durable, filter: spec.filter, batch: spec.batch, ackWaitMs: spec.ackWaitMs }, async (batch) => {
  console.log(`batch ${batch.length} ${batch.map((d) => d.message.eventId).join(',')}`);
  await new Promise(() => undefined);
});
console.log('consuming');
