import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from './frame.js';
import { Outbox } from './outbox.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'helix-outbox-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A stand-in for the stream: can be switched off, records what it stored. */
function stream() {
  const stored: string[] = [];
  const s = {
    up: true,
    stored,
    publish: async (e: OutboxEntry) => {
      await new Promise((r) => setTimeout(r, 1));
      if (!s.up) throw new Error('stream unreachable');
      stored.push(e.msgId);
    },
  };
  return s;
}

const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const payload = new Uint8Array([1, 2, 3]);

describe('Outbox', () => {
  it('records the acked cursor on its timer, off the event loop, without a flush or close', async () => {
    const s = stream();
    const dir = tempDir();
    const ob = new Outbox(s.publish, { dir, maxBytes: 1 << 20 });
    const cursor = () => (existsSync(join(dir, 'cursor.json')) ? (JSON.parse(readFileSync(join(dir, 'cursor.json'), 'utf8')) as { ackedThrough: number }).ackedThrough : 0);
    for (let i = 0; i < 20; i++) ob.append('helix.events.x.v1', `c${i}`, payload);
    await until(() => ob.stats().pending === 0);
    await until(() => cursor() === 20, 2000);
    expect(readdirSync(dir).filter((f) => f.startsWith('cursor.json.'))).toEqual([]);
    await ob.close();
  });

  it('publishes live while the stream answers', async () => {
    const s = stream();
    const ob = new Outbox(s.publish, { dir: tempDir(), maxBytes: 1 << 20 });
    for (let i = 0; i < 50; i++) ob.append('helix.events.x.v1', `e${i}`, payload);
    await ob.flush(2000);
    expect(new Set(s.stored).size).toBe(50);
    expect(ob.stats()).toMatchObject({ pending: 0, mode: 'live', appended: 50 });
    await ob.close();
  });

  it('keeps events on disk while the stream is away and replays them in order, each id stored once', async () => {
    const s = stream();
    const ob = new Outbox(s.publish, { dir: tempDir(), maxBytes: 1 << 20, retryDelayMs: 20 });
    for (let i = 0; i < 10; i++) ob.append('helix.events.x.v1', `a${i}`, payload);
    await ob.flush(2000);
    s.up = false;
    for (let i = 0; i < 200; i++) ob.append('helix.events.x.v1', `b${i}`, payload);
    await until(() => ob.stats().mode === 'replay');
    expect(ob.stats().pending).toBe(200);
    s.up = true;
    await until(() => ob.stats().pending === 0 && ob.stats().mode === 'live');
    const firstSeen = [...new Set(s.stored)];
    expect(firstSeen).toEqual([...Array.from({ length: 10 }, (_, i) => `a${i}`), ...Array.from({ length: 200 }, (_, i) => `b${i}`)]);
    await ob.close();
  });

  it('turns full when unacked bytes reach the limit, and recovers when drained', async () => {
    const s = stream();
    s.up = false;
    const ob = new Outbox(s.publish, { dir: tempDir(), maxBytes: 8 * 1024, segmentBytes: 2 * 1024, retryDelayMs: 20 });
    expect(ob.full).toBe(false);
    let n = 0;
    while (!ob.full && n < 10_000) ob.append('helix.events.x.v1', `f${n++}`, new Uint8Array(100));
    expect(ob.full).toBe(true);
    expect(n).toBeGreaterThan(10);
    s.up = true;
    await until(() => ob.stats().pending === 0);
    await until(() => !ob.full);
    expect(new Set(s.stored).size).toBe(n);
    await ob.close();
  });

  it('survives a crash: a new outbox on the same dir publishes what was not acked, and cuts a torn tail', async () => {
    const dir = tempDir();
    const s = stream();
    s.up = false;
    const crashed = new Outbox(s.publish, { dir, maxBytes: 1 << 20, retryDelayMs: 10_000 });
    for (let i = 0; i < 30; i++) crashed.append('helix.events.x.v1', `c${i}`, payload);
    const seg = readdirSync(dir).find((f) => f.endsWith('.seg'))!;
    appendFileSync(join(dir, seg), Buffer.from([200, 0, 0, 0, 1, 2]));
    s.up = true;
    const revived = new Outbox(s.publish, { dir, maxBytes: 1 << 20 });
    await until(() => revived.stats().pending === 0);
    expect(new Set(s.stored)).toEqual(new Set(Array.from({ length: 30 }, (_, i) => `c${i}`)));
    revived.append('helix.events.x.v1', 'after', payload);
    await revived.flush(2000);
    expect(s.stored.at(-1)).toBe('after');
    await revived.close();
  });
});
