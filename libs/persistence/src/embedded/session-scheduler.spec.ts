import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionScheduler } from './session-scheduler.js';

const query = (sql: string) => {
  const body = Buffer.from(`${sql}\0`);
  const header = Buffer.alloc(5);
  header.write('Q', 0);
  header.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([header, body]));
};
const ignore = () => undefined;

describe('SessionScheduler', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  }, 60_000);
  afterAll(() => db.close());

  it("keeps the session for a connection's transaction; others' queries wait for its COMMIT", async () => {
    const scheduler = new SessionScheduler(db);
    const order: string[] = [];
    const run = (handler: number, sql: string) => scheduler.enqueue(handler, query(sql), ignore).then(() => order.push(`${handler}:${sql}`));

    await run(1, 'BEGIN');
    const waiting = run(2, 'SELECT 1');
    await run(1, 'SELECT 2');
    expect(order).toEqual(['1:BEGIN', '1:SELECT 2']);
    await run(1, 'COMMIT');
    await waiting;
    expect(order).toEqual(['1:BEGIN', '1:SELECT 2', '1:COMMIT', '2:SELECT 1']);
  });

  it('rolls back what a vanished connection left open, then serves the others', async () => {
    const scheduler = new SessionScheduler(db);
    await scheduler.enqueue(1, query('BEGIN'), ignore);
    await scheduler.enqueue(1, query('CREATE TABLE orphan (id int)'), ignore);
    const other = scheduler.enqueue(2, query('SELECT 1'), ignore);
    const cancelled = scheduler.enqueue(1, query('SELECT 3'), ignore);
    expect(db.isInTransaction()).toBe(true);

    scheduler.clearQueueForHandler(1);
    await expect(cancelled).rejects.toThrow('connection closed');
    await scheduler.clearTransactionIfNeeded(1);
    await other;
    expect(db.isInTransaction()).toBe(false);
    expect((await db.query(`SELECT to_regclass('orphan') AS t`)).rows).toEqual([{ t: null }]);
  });

  it('rejects a message that fails inside PGlite and keeps serving once that connection is gone', async () => {
    const scheduler = new SessionScheduler(db);
    const original = db.execProtocolRawStream.bind(db);
    db.execProtocolRawStream = async () => {
      db.execProtocolRawStream = original;
      throw new Error('wasm trap');
    };
    await expect(scheduler.enqueue(1, query('SELECT 1'), ignore)).rejects.toThrow('wasm trap');
    const chunks: Uint8Array[] = [];
    const next = scheduler.enqueue(2, query('SELECT 1'), (d) => chunks.push(d));
    await scheduler.clearTransactionIfNeeded(1);

    expect(await next).toBeGreaterThan(0);
    expect(Buffer.concat(chunks).includes('SELECT 1')).toBe(true);
  });
});
