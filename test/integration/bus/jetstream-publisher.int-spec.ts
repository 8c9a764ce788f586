import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createNatsBus, type NatsBus } from '@helix/bus';
import { ErrorCodes, EventSubjects, uuidv7 } from '@helix/contracts';
import { testNatsUrl, uniqueName } from '../../support/infra.js';
import { startNats, type PrivateServer } from '../../support/servers.js';

const quiet = { warn: () => undefined, error: () => undefined };
const rejection = (p: Promise<unknown>) => p.then(() => ({ code: 'resolved' }), (e: { code?: string }) => e);

/** The NATS adapter's JetStream publish: core publishes with one ack inbox instead of a request each. */
describe('JetStream publish through one ack inbox', () => {
  const buses: NatsBus[] = [];
  const servers: PrivateServer[] = [];
  const open = async (servers_ = testNatsUrl()) => {
    const bus = await createNatsBus({ servers: servers_, name: 'js-publisher-test', namespace: uniqueName('t'), logger: quiet });
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    for (const bus of buses.splice(0)) {
      if ((await bus.health()).ok) await bus.deleteStreamForTests();
      await bus.close();
    }
    await Promise.all(servers.splice(0).map((s) => s.dispose()));
  });

  it('acks 300 concurrent publishes with their own sequence, stores them in call order, and marks a repeated id duplicate', async () => {
    const bus = await open();
    await bus.ensureStreams();
    const ids = Array.from({ length: 300 }, () => uuidv7());
    const acks = await Promise.all(ids.map((eventId) => bus.publish(EventSubjects.requestCompleted, { eventId }, { msgId: eventId })));
    expect(acks.map((a) => a.seq)).toEqual(ids.map((_, i) => i + 1));
    expect(acks.every((a) => !a.duplicate)).toBe(true);
    const again = await bus.publish(EventSubjects.requestCompleted, { eventId: ids[7]! }, { msgId: ids[7]! });
    expect(again).toEqual({ seq: 8, duplicate: true });
    const nc = await connect({ servers: testNatsUrl() });
    try {
      expect((await (await jetstreamManager(nc)).streams.info(bus.streamName)).state.messages).toBe(300);
    } finally {
      await nc.close();
    }
  });

  it('fails at once with bus_unavailable when no stream captures the subject, after publishing fine while one did', async () => {
    const bus = await open();
    await bus.ensureStreams();
    await expect(bus.publish(EventSubjects.requestCompleted, { eventId: 'before' }, { msgId: 'before' })).resolves.toMatchObject({ seq: 1 });
    await bus.deleteStreamForTests();
    const started = Date.now();
    expect((await rejection(bus.publish(EventSubjects.requestCompleted, { eventId: 'after' }, { msgId: 'after', timeoutMs: 5_000 }))).code).toBe(ErrorCodes.busUnavailable);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails with bus_timeout when the ack does not come in time (server stopped), after an ack came while it ran', async () => {
    const server = await startNats();
    servers.push(server);
    const bus = await open(server.url);
    await bus.ensureStreams();
    await expect(bus.publish(EventSubjects.requestCompleted, { eventId: 'up' }, { msgId: 'up', timeoutMs: 2_000 })).resolves.toMatchObject({ seq: 1 });
    await server.stop();
    const started = Date.now();
    expect((await rejection(bus.publish(EventSubjects.requestCompleted, { eventId: 'down' }, { msgId: 'down', timeoutMs: 300 }))).code).toBe(ErrorCodes.busTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
