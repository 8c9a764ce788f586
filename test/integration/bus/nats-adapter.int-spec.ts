import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNatsBus, type BusStatus, type NatsBus } from '@helix/bus';
import { DEFAULT_MAX_PAYLOAD_BYTES, ErrorCodes, EventSubjects, RpcSubjects, uuidv7 } from '@helix/contracts';
import { testNatsUrl, uniqueName } from '../../support/infra.js';
import { startNats, type PrivateServer } from '../../support/servers.js';
import { until } from '../../support/wait.js';

const quiet = { warn: () => undefined, error: () => undefined };
const rejection = (p: Promise<unknown>) => p.then(() => ({ code: 'resolved' }), (e: { code?: string }) => e);

describe('NATS adapter specifics', () => {
  const buses: NatsBus[] = [];
  const servers: PrivateServer[] = [];
  const open = async (opts: Partial<Parameters<typeof createNatsBus>[0]> = {}) => {
    const bus = await createNatsBus({ servers: testNatsUrl(), name: 'bus-adapter-test', namespace: uniqueName('t'), logger: quiet, ...opts });
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

  it('sets up the namespaced stream and a durable pull consumer as DESIGN §4 says', async () => {
    const bus = await open();
    await bus.ensureStreams();
    await bus.consume({ durable: 'cfg', filter: EventSubjects.requestCompleted, batch: 50 }, async () => undefined);
    const nc = await connect({ servers: testNatsUrl() });
    try {
      const jsm = await jetstreamManager(nc);
      const stream = await jsm.streams.info(bus.streamName);
      const ns = bus.streamName.replace(/^HELIX_EVENTS_/, '');
      expect(stream.config).toMatchObject({
        subjects: [`${ns}.helix.events.>`],
        storage: 'file',
        duplicate_window: nanos(120_000),
        max_age: nanos(7 * 24 * 3_600_000),
        max_msg_size: bus.maxPayload,
      });
      const consumer = await jsm.consumers.info(bus.streamName, 'cfg');
      expect(consumer.config).toMatchObject({
        ack_policy: 'explicit',
        deliver_policy: 'all',
        filter_subject: `${ns}.${EventSubjects.requestCompleted}`,
        ack_wait: nanos(30_000),
        max_deliver: -1,
      });
      expect(consumer.config.max_ack_pending).toBeGreaterThanOrEqual(50);
    } finally {
      await nc.close();
    }
  });

  it('keeps namespaces apart on one server', async () => {
    const ns = uniqueName('t');
    const responder = await open({ namespace: ns });
    await responder.respond(RpcSubjects.identityVerify, async () => ({ valid: true }), { queue: 'identity' });
    const sameNs = await open({ namespace: ns });
    const otherNs = await open();
    expect((await sameNs.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000 })).valid).toBe(true);
    await expect(otherNs.request(RpcSubjects.identityVerify, {}, { timeoutMs: 2_000 })).rejects.toMatchObject({ code: ErrorCodes.busNoResponders });
  });

  it('reports the server max_payload, warns when it is below the configured limit, and refuses bigger messages', async () => {
    const warn = vi.fn();
    const roomy = await open({ logger: { warn, error: vi.fn() } });
    expect(roomy.maxPayload).toBe(DEFAULT_MAX_PAYLOAD_BYTES);
    expect(warn).not.toHaveBeenCalled();

    const small = await startNats({ maxPayloadMb: 1 });
    servers.push(small);
    const tight = await open({ servers: small.url, logger: { warn, error: vi.fn() } });
    expect(tight.maxPayload).toBe(1024 * 1024);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ serverMax: 1024 * 1024 }), expect.stringContaining('max_payload'));
    await tight.respond(RpcSubjects.piiRedact, async () => ({}), { queue: 'pii' });
    const text = 'x'.repeat(2 * 1024 * 1024);
    await expect(tight.request(RpcSubjects.piiRedact, { segments: [{ text }] }, { timeoutMs: 2_000 })).rejects.toMatchObject({
      code: ErrorCodes.payloadTooLarge,
    });
    await expect(tight.request(RpcSubjects.piiRedact, { segments: [{ text: 'ok' }] }, { timeoutMs: 2_000 })).resolves.toBeDefined();
  });

  it('reconnects after the server comes back, reports status, and its consumer carries on', async () => {
    const server = await startNats();
    servers.push(server);
    const bus = await open({ servers: server.url });
    await bus.ensureStreams();
    const statuses: BusStatus[] = [];
    bus.onStatus((s) => statuses.push(s));
    const got = new Set<string>();
    await bus.consume({ durable: 'survivor', filter: EventSubjects.requestCompleted, maxWaitMs: 10 }, async (batch) => {
      for (const d of batch) got.add(d.message.eventId);
    });
    const publish = (eventId: string) => bus.publish(EventSubjects.requestCompleted, { eventId }, { msgId: eventId, timeoutMs: 1_000 });
    for (const id of ['a', 'b', 'c']) await publish(id);
    await until(() => got.size === 3, 'events before the outage');

    await server.stop();
    await until(() => statuses.includes('disconnected'), 'the disconnected status');
    expect((await bus.health()).ok).toBe(false);

    await server.restart();
    await until(() => statuses.at(-1) === 'connected', 'the connected status', 20_000);
    const after = ['d', 'e', 'f'].map(() => uuidv7());
    for (const id of after) {
      await until(async () => (await publish(id).then(() => true, () => false)), `publish ${id} after the restart`, 20_000);
    }
    await until(() => after.every((id) => got.has(id)), 'events after the outage', 20_000);
    expect((await bus.health()).ok).toBe(true);
    expect(got.size).toBe(6);
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
    const bus = await open({ servers: server.url });
    await bus.ensureStreams();
    await expect(bus.publish(EventSubjects.requestCompleted, { eventId: 'up' }, { msgId: 'up', timeoutMs: 2_000 })).resolves.toMatchObject({ seq: 1 });
    await server.stop();
    const started = Date.now();
    expect((await rejection(bus.publish(EventSubjects.requestCompleted, { eventId: 'down' }, { msgId: 'down', timeoutMs: 300 }))).code).toBe(ErrorCodes.busTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
