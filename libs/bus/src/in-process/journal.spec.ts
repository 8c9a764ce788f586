import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventSubjects, type RequestCompleted } from '@helix/contracts';
import type { Delivery } from '../bus.port.js';
import { createInProcessBus } from './create-in-process-bus.js';
import type { InProcessBus } from './in-process.bus.js';

const subject = EventSubjects.requestCompleted;
const quiet = { warn: () => undefined, error: () => undefined };
const segments = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.seg'));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

/** Consumes `durable` on a bus, collecting every delivery. */
async function collect(bus: InProcessBus, durable: string): Promise<Delivery<RequestCompleted>[]> {
  const got: Delivery<RequestCompleted>[] = [];
  await bus.consume({ durable, filter: subject, maxWaitMs: 5 }, async (batch) => void got.push(...batch));
  return got;
}

describe('in-process journal', () => {
  let dir: string;
  const open = (extra: { segmentBytes?: number } = {}) => createInProcessBus({ journalDir: dir, logger: quiet, ...extra });
  const publish = (bus: InProcessBus, ids: string[]) => Promise.all(ids.map((eventId) => bus.publish(subject, { eventId }, { msgId: eventId })));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helix-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing in a crash: the new process gets what was not acked, with delivery counts, and not what was', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `e${i}`);
    const crashed = open();
    await publish(crashed, ids);
    const before: string[][] = [];
    await crashed.consume({ durable: 'd', filter: subject, batch: 4, maxWaitMs: 5 }, async (batch) => {
      before.push(batch.map((d) => d.message.eventId));
      if (before.length === 2) await new Promise(() => undefined);
    });
    await until(() => before.length === 2, 'two batches before the crash');
    expect(before).toEqual([ids.slice(0, 4), ids.slice(4, 8)]);

    const got = await collect(open(), 'd');
    await until(() => got.length === 6, 'the six unacked events');
    await new Promise((r) => setTimeout(r, 50));
    expect(got.map((d) => [d.message.eventId, d.deliveryCount])).toEqual([
      ['e4', 2],
      ['e5', 2],
      ['e6', 2],
      ['e7', 2],
      ['e8', 1],
      ['e9', 1],
    ]);
  });

  it('keeps de-duplicating by msgId after a crash, and keeps numbering', async () => {
    const crashed = open();
    await crashed.publish(subject, { eventId: 'x' }, { msgId: 'x' });
    const bus = open();
    expect(await bus.publish(subject, { eventId: 'x' }, { msgId: 'x' })).toEqual({ seq: 1, duplicate: true });
    expect(await bus.publish(subject, { eventId: 'y' }, { msgId: 'y' })).toEqual({ seq: 2, duplicate: false });
  });

  it('reads past a torn last frame (a write cut short) and keeps every whole message', async () => {
    const crashed = open();
    await publish(crashed, ['a', 'b', 'c']);
    const last = segments(dir).sort().at(-1)!;
    appendFileSync(join(dir, last), Buffer.from([200, 0, 0, 0, 1, 9, 9]));
    const bus = open();
    const got = await collect(bus, 'd');
    await until(() => got.length === 3, 'three events');
    expect((await bus.publish(subject, { eventId: 'd' }, { msgId: 'd' })).seq).toBe(4);
    await until(() => got.length === 4, 'the fourth');
    expect(got.map((d) => d.message.eventId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('deletes segments once every durable settled them, and numbers on after a restart', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `id-${String(i).padStart(3, '0')}-${'p'.repeat(60)}`);
    const bus = open({ segmentBytes: 1_024 });
    await publish(bus, ids);
    expect(segments(dir).length).toBeGreaterThan(3);
    const got = await collect(bus, 'd');
    await until(() => got.length === 60, 'all events');
    await publish(bus, ['tail-1', 'tail-2', 'tail-3', 'tail-4', 'tail-5', 'tail-6', 'tail-7', 'tail-8', 'tail-9', 'tail-10']);
    await until(() => got.length === 70, 'the tail');
    expect(segments(dir).length).toBeLessThanOrEqual(2);
    await bus.close();

    const again = open({ segmentBytes: 1_024 });
    const after = await collect(again, 'd');
    expect((await again.publish(subject, { eventId: 'new' }, { msgId: 'new' })).seq).toBe(71);
    await until(() => after.length === 1, 'the new event');
    await new Promise((r) => setTimeout(r, 50));
    expect(after.map((d) => d.message.eventId)).toEqual(['new']);
    await again.close();

    await open().close();
    const emptied = open();
    expect((await emptied.publish(subject, { eventId: 'newer' }, { msgId: 'newer' })).seq).toBe(72);
  });

  it('refuses a directory another live process holds, and takes over a dead one', () => {
    writeFileSync(join(dir, 'LOCK'), '1');
    expect(() => open()).toThrow(/in use by process 1/);
    writeFileSync(join(dir, 'LOCK'), '2147483646');
    expect(() => open()).not.toThrow();
  });
});
