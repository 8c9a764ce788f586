import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { expect, it } from 'vitest';
import { createDataSource, databaseHealth } from '@helix/persistence';
import type { ContractContext } from '../persistence.contract.js';
import { notesSet } from '../fixtures/migration-sets.js';

/** Anything that runs SQL and resolves to rows: a DataSource, an EntityManager. */
interface Rows {
  query(sql: string, params?: unknown[]): Promise<any>;
}

const countNotes = async (m: Rows): Promise<number> => (await m.query('SELECT count(*)::int AS n FROM probe_notes.notes'))[0].n;
const addNote = (m: Rows, id: number) =>
  m.query('INSERT INTO probe_notes.notes (id, body) VALUES ($1, $2)', [id, `note ${id}`]);

export function concurrencyContract(ctx: ContractContext): void {
  it('pg_advisory_xact_lock excludes another DataSource until the holder commits', async () => {
    const [a, b] = [await ctx.connect(), await ctx.connect()];
    const events: string[] = [];
    let commit!: () => void;
    let locked!: () => void;
    const aLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = a.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(42)');
      events.push('a locked');
      locked();
      await new Promise<void>((resolve) => (commit = resolve));
      events.push('a commits');
    });
    await aLocked;
    const waiter = b.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(42)');
      events.push('b locked');
    });
    await sleep(200);
    commit();
    await Promise.all([holder, waiter]);

    expect(events).toEqual(['a locked', 'a commits', 'b locked']);
    expect(await b.query('SELECT pg_try_advisory_xact_lock(42) AS ok')).toEqual([{ ok: true }]);
  });

  it('pg_advisory_lock holds until unlocked; it excludes other connections only on a server with real sessions', async () => {
    const [a, b] = [await ctx.connect(), await ctx.connect()];
    const holder = a.createQueryRunner();
    try {
      await holder.query('SELECT pg_advisory_lock(7)');
      const [{ got }] = await b.query('SELECT pg_try_advisory_lock(7) AS got');
      expect(got).toBe(ctx.backend.sharedSession);
      if (got) await b.query('SELECT pg_advisory_unlock(7)');
      expect(await holder.query('SELECT pg_advisory_unlock(7) AS ok')).toEqual([{ ok: true }]);
      expect(await b.query('SELECT pg_try_advisory_lock(7) AS got, pg_advisory_unlock(7) AS released')).toEqual([
        { got: true, released: true },
      ]);
    } finally {
      await holder.release();
    }
  });

  it('concurrent transactions of two DataSources never mix: one rolls back, the other commits', async () => {
    const [a, b] = [await ctx.connect(notesSet), await ctx.connect(notesSet)];
    const seen: Record<string, number> = {};
    const rolledBack = a.transaction('REPEATABLE READ', async (m) => {
      await addNote(m, 1);
      await sleep(100);
      await addNote(m, 2);
      seen.a = await countNotes(m);
      throw new Error('roll back a');
    });
    const committed = b.transaction('REPEATABLE READ', async (m) => {
      await addNote(m, 10);
      await sleep(50);
      await addNote(m, 11);
      seen.b = await countNotes(m);
    });
    const outcome = await Promise.allSettled([rolledBack, committed]);

    expect(outcome.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(seen).toEqual({ a: 2, b: 2 });
    expect(await b.query('SELECT id FROM probe_notes.notes ORDER BY id')).toEqual([{ id: '10' }, { id: '11' }]);
  });

  it('large and small statements from two DataSources at once each get their own results', async () => {
    const [a, b] = [await ctx.connect(), await ctx.connect(notesSet)];
    const big = 'x'.repeat(1_000_000);
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 6; i++) {
        const attrs = { big, i };
        await a.query('INSERT INTO probe.widgets (id, name, attrs) VALUES ($1, $2, $3)', [randomUUID(), `big ${i}`, attrs]);
      }
      writing = false;
    })();
    const wrong: unknown[] = [];
    let reads = 0;
    for (; writing || reads < 50; reads++) {
      const [row] = await b.query(reads % 2 ? 'SELECT $1::int AS v' : 'SELECT $1::text AS v, 2 AS w', [reads]);
      if (String(row.v) !== String(reads)) wrong.push(row);
    }
    await writes;

    expect(wrong).toEqual([]);
    const stored = await a.query(`SELECT name, length(attrs->>'big') AS n FROM probe.widgets ORDER BY (attrs->>'i')::int`);
    expect(stored).toEqual([0, 1, 2, 3, 4, 5].map((i) => ({ name: `big ${i}`, n: 1_000_000 })));
  });

  for (const death of ['Terminate message', 'dropped socket'] as const) {
    it(`a connection that dies inside a transaction (${death}) leaves nothing behind and blocks no one`, async () => {
      const ds = await ctx.connect(notesSet);
      const client = new pg.Client({ connectionString: ctx.db().url });
      client.on('error', () => undefined);
      await client.connect();
      const session: Rows = { query: async (sql, params) => (await client.query(sql, params)).rows };
      await session.query('BEGIN');
      await addNote(session, 1);
      expect(await countNotes(session)).toBe(1);
      if (death === 'Terminate message') await client.end();
      else client.connection.stream.destroy();

      const after = await Promise.race([countNotes(ds), sleep(5_000).then(() => 'blocked')]);
      expect(after).toBe(0);
      await addNote(ds, 2);
      expect(await countNotes(ds)).toBe(1);
    });
  }

  it('databaseHealth is ok, fails within its timeout while no connection is free, and reports a closed DataSource', async () => {
    const ds = await createDataSource(ctx.db({ poolSize: 1 }), notesSet, { runMigrations: true });
    const check = databaseHealth(ds, 300);
    expect(await check()).toEqual({ ok: true, detail: expect.stringMatching(/^SELECT 1 in \d+ ms$/) });

    const runner = ds.createQueryRunner();
    await runner.connect();
    const started = Date.now();
    expect(await check()).toEqual({ ok: false, detail: 'no answer to SELECT 1 within 300 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await runner.release();
    expect((await check()).ok).toBe(true);

    await ds.destroy();
    expect(await check()).toEqual({ ok: false, detail: 'not initialized' });
  });
}
