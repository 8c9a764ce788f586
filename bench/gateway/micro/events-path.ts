/**
 * `node --import ./test/support/ts-loader.mjs bench/gateway/micro/events-path.ts`: CPU per event of the
 * gateway's event path in distributed mode, on core 0 against a private nats-server on core 1: protobuf
 * encode of a typical RequestCompleted (by reflection, `toBinary`, and by the gateway's hand-written
 * encoder), one JetStream publish through the bus, and the whole outbox path
 * (disk append, publish, ack). Used for the before/after of changes to the outbox, the codec and the NATS
 * adapter. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toBinary } from '@bufbuild/protobuf';
import { createNatsBus } from '@helix/bus';
import { EventSubjects, RequestCompletedSchema, uuidv7 } from '@helix/contracts';
import { OutboxEventSink } from '../../../apps/gateway/src/events/event-sink.js';
import { encodeRequestCompleted } from '../../../apps/gateway/src/events/request-completed.encoder.js';
import { startNats } from '../../../test/support/servers.js';
import { pin } from '../targets/helix.js';
import { GATEWAY_CORE, LOAD_CORE } from '../targets/target.js';
import { typicalEvent } from './typical-event.js';

const N = Number(process.argv[2] ?? 20_000);
const WINDOW = 64;

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

async function perEvent(run: (i: number) => Promise<unknown> | void, drain: () => Promise<void> = async () => {}): Promise<number> {
  const t0 = cpuUs();
  for (let i = 0; i < N; i += WINDOW) await Promise.all(Array.from({ length: Math.min(WINDOW, N - i) }, (_, k) => run(i + k)));
  await drain();
  return (cpuUs() - t0) / N;
}

pin(process.pid, GATEWAY_CORE);
const nats = await startNats();
pin(nats.process.pid!, LOAD_CORE);
const dir = mkdtempSync(join(tmpdir(), 'helix-micro-outbox-'));
const bus = await createNatsBus({ servers: nats.url, name: 'micro', namespace: 'micro' });
try {
  await bus.ensureStreams();
  const events = Array.from({ length: N }, () => typicalEvent(uuidv7()));
  for (const e of events.slice(0, 5_000)) toBinary(RequestCompletedSchema, e);
  const encodeUs = await perEvent((i) => void toBinary(RequestCompletedSchema, events[i]!));
  for (const e of events.slice(0, 5_000)) encodeRequestCompleted(e);
  const gatewayEncodeUs = await perEvent((i) => void encodeRequestCompleted(events[i]!));
  for (let i = 0; i < 2_000; i++) await bus.publish(EventSubjects.requestCompleted, events[i]!, { msgId: `warm-${i}` });
  const publishUs = await perEvent((i) => bus.publish(EventSubjects.requestCompleted, events[i]!, { msgId: `p-${events[i]!.eventId}` }));
  const sink = new OutboxEventSink(bus, { dir, maxBytes: 1 << 30, fsyncIntervalMs: 1000 });
  const fresh = events.map(() => typicalEvent(uuidv7()));
  const outboxUs = await perEvent(
    (i) => sink.emit(fresh[i]!),
    async () => {
      while (sink.stats().pending > 0) await new Promise((r) => setTimeout(r, 1));
    },
  );
  await sink.close();
  console.log(JSON.stringify({ events: N, encodeUs, gatewayEncodeUs, publishUs, outboxUs }));
} finally {
  await bus.close();
  await nats.dispose();
  rmSync(dir, { recursive: true, force: true });
}
