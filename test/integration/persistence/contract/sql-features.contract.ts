import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ContractContext } from '../persistence.contract.js';
import { notesSet } from '../fixtures/migration-sets.js';
import { Widget } from '../fixtures/widget.entity.js';

const days = [
  { suffix: '20260101', from: '2026-01-01', to: '2026-01-02' },
  { suffix: '20260102', from: '2026-01-02', to: '2026-01-03' },
];

export function sqlFeaturesContract(ctx: ContractContext): void {
  it('maps entities through TypeORM in the set schema and queries jsonb', async () => {
    const repo = (await ctx.connect()).getRepository(Widget);
    const createdAt = new Date('2026-01-01T00:00:00Z');
    await repo.save({ id: randomUUID(), name: 'bolt', attrs: { color: 'red', sizes: [1, 2], nested: { ok: true } }, createdAt });
    await repo.save({ id: randomUUID(), name: 'nut', attrs: { color: 'blue' }, createdAt });

    const red = await repo.createQueryBuilder('w').where('w.attrs @> :filter', { filter: { color: 'red' } }).getMany();
    expect(red).toMatchObject([{ name: 'bolt', attrs: { color: 'red', sizes: [1, 2], nested: { ok: true } }, createdAt }]);
    const colors = await repo.query(`SELECT attrs->>'color' AS color FROM probe.widgets ORDER BY name`);
    expect(colors).toEqual([{ color: 'red' }, { color: 'blue' }]);
  });

  it('partitions by range on timestamptz: creates a day, inserts, queries, detaches and drops it', async () => {
    const ds = await ctx.connect();
    await ds.query(`CREATE TABLE probe.events (id uuid NOT NULL, at timestamptz NOT NULL, body jsonb NOT NULL,
      PRIMARY KEY (id, at)) PARTITION BY RANGE (at)`);
    for (const d of days) {
      await ds.query(`CREATE TABLE probe.events_${d.suffix} PARTITION OF probe.events
        FOR VALUES FROM ('${d.from}T00:00:00Z') TO ('${d.to}T00:00:00Z')`);
    }
    const insert = (at: string) =>
      ds.query('INSERT INTO probe.events (id, at, body) VALUES ($1, $2, $3)', [randomUUID(), at, { at }]);
    await insert('2026-01-01T08:00:00Z');
    await insert('2026-01-01T23:59:59Z');
    await insert('2026-01-02T00:00:00Z');
    await expect(insert('2026-01-05T00:00:00Z')).rejects.toThrow(/no partition/);

    const perPartition = `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM probe.events GROUP BY 1 ORDER BY 1`;
    expect(await ds.query(perPartition)).toEqual([
      { part: 'probe.events_20260101', n: 2 },
      { part: 'probe.events_20260102', n: 1 },
    ]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM probe.events WHERE at >= '2026-01-02'`)).toEqual([{ n: 1 }]);

    await ds.query('ALTER TABLE probe.events DETACH PARTITION probe.events_20260101');
    expect(await ds.query(perPartition)).toEqual([{ part: 'probe.events_20260102', n: 1 }]);
    expect(await ds.query('SELECT count(*)::int AS n FROM probe.events_20260101')).toEqual([{ n: 2 }]);
    await ds.query('DROP TABLE probe.events_20260101');
    expect(await ds.query(`SELECT to_regclass('probe.events_20260101') AS t`)).toEqual([{ t: null }]);
  });

  it('INSERT … ON CONFLICT DO NOTHING makes a repeated write a no-op', async () => {
    const ds = await ctx.connect(notesSet);
    const upsert = (body: string) =>
      ds.query('INSERT INTO probe_notes.notes (id, body) VALUES (1, $1) ON CONFLICT DO NOTHING RETURNING id', [body]);

    expect(await upsert('first')).toEqual([{ id: '1' }]);
    expect(await upsert('second')).toEqual([]);
    await expect(ds.query(`INSERT INTO probe_notes.notes (id, body) VALUES (1, 'plain')`)).rejects.toThrow(/duplicate key/);
    expect(await ds.query('SELECT id, body FROM probe_notes.notes')).toEqual([{ id: '1', body: 'first' }]);
  });

  it('rolls back a failed transaction and keeps a committed one', async () => {
    const ds = await ctx.connect(notesSet);
    const insert = (id: number) => `INSERT INTO probe_notes.notes (id, body) VALUES (${id}, 'x')`;

    const failed = ds.transaction(async (m) => {
      await m.query(insert(1));
      expect(await m.query('SELECT count(*)::int AS n FROM probe_notes.notes')).toEqual([{ n: 1 }]);
      throw new Error('abort');
    });
    await expect(failed).rejects.toThrow('abort');
    await ds.transaction((m) => m.query(insert(2)));

    expect(await ds.query('SELECT id FROM probe_notes.notes')).toEqual([{ id: '2' }]);
  });
}
