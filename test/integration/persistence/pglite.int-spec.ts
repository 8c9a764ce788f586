import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EmbeddedPostgres, createDataSource, isEmbeddedUrl } from '@helix/persistence';
import { persistenceContract } from './persistence.contract.js';
import { embeddedTestDatabase, freshDataDir, removeDataDirTemplate } from './embedded-database.js';
import { notesSet } from './fixtures/migration-sets.js';
import { RawWire, messageText, wire } from './raw-wire.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(removeDataDirTemplate);

/**
 * Connection A sends Parse, pauses, then Bind/Execute/Sync; meanwhile connection B runs a parameterised
 * query. Returns what A got back and B's answer.
 */
async function splitBatchAgainst(port: number): Promise<{ a: string[]; b: unknown }> {
  const b = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await b.connect();
  const a = await RawWire.connect(port);
  try {
    a.send(wire.parse('SELECT 1::int AS a'));
    await sleep(100);
    const bAnswer = b.query('SELECT $1::text AS t', ['b']).then((r) => r.rows[0].t, (e: Error) => e.message);
    await sleep(100);
    a.send(wire.bind(), wire.execute(), wire.sync());
    const aReply = await a.untilReady();
    return { a: aReply.filter((m) => m.type === 'D' || m.type === 'E').map((m) => `${m.type}:${messageText(m)}`), b: await bAnswer };
  } finally {
    a.close();
    await b.end();
  }
}

describe('persistence on EmbeddedPostgres (PGlite)', () => {
  persistenceContract({ sharedSession: true, freshDatabase: () => embeddedTestDatabase() });

  it('keeps data across a restart on the same dataDir', async () => {
    const dir = await freshDataDir();
    cleanups.push(dir.remove);
    const first = await EmbeddedPostgres.start({ dataDir: dir.path });
    const ds = await createDataSource({ url: first.url }, notesSet, { runMigrations: true });
    await ds.query(`INSERT INTO probe_notes.notes (id, body) VALUES (1, 'kept')`);
    await ds.destroy();
    await first.stop();

    const second = await EmbeddedPostgres.start({ dataDir: dir.path });
    cleanups.push(() => second.stop());
    const again = await createDataSource({ url: second.url }, notesSet, { runMigrations: true });
    cleanups.push(() => again.destroy());
    expect(await again.query('SELECT id, body FROM probe_notes.notes')).toEqual([{ id: '1', body: 'kept' }]);
    expect(await again.query('SELECT count(*)::int AS n FROM probe_notes.migrations')).toEqual([{ n: 1 }]);
  });

  it('refuses a second start on a dataDir in use, and starts once the first has stopped', async () => {
    const dir = await freshDataDir();
    cleanups.push(dir.remove);
    const first = await EmbeddedPostgres.start({ dataDir: dir.path });
    await expect(EmbeddedPostgres.start({ dataDir: dir.path })).rejects.toThrow(/in use by process/);
    await first.stop();
    const second = await EmbeddedPostgres.start({ dataDir: dir.path });
    await second.stop();
  });

  it('keeps an extended-protocol batch that arrives in pieces whole, where the stock pglite-socket server interleaves it', async () => {
    const embedded = await embeddedTestDatabase();
    cleanups.push(() => embedded.dispose());
    const ours = await splitBatchAgainst(Number(new URL(embedded.url).port));
    expect(ours).toEqual({ a: ['D:1'], b: 'b' });

    const db = await PGlite.create();
    const stock = new PGLiteSocketServer({ db, port: 0, maxConnections: 4 });
    await stock.start();
    cleanups.push(async () => (await stock.stop(), await db.close()));
    const theirs = await splitBatchAgainst(Number(stock.getServerConn().split(':')[1]));
    expect(theirs.a).toEqual([expect.stringMatching(/^E:bind message supplies 0 parameters/)]);
  });

  it('refuses connections beyond maxConnections with SQLSTATE 53300', async () => {
    const embedded = await embeddedTestDatabase({ maxConnections: 1 });
    cleanups.push(() => embedded.dispose());
    const first = new pg.Client({ connectionString: embedded.url });
    await first.connect();
    cleanups.push(() => first.end());
    const second = new pg.Client({ connectionString: embedded.url });
    second.on('error', () => undefined);

    await expect(second.connect()).rejects.toMatchObject({ code: '53300' });
    expect((await first.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('marks its URL as embedded, and DataSources on it get a pool of one connection', async () => {
    const embedded = await embeddedTestDatabase();
    cleanups.push(() => embedded.dispose());
    const ds = await createDataSource({ url: embedded.url, poolSize: 8 }, notesSet);
    cleanups.push(() => ds.destroy());

    expect(isEmbeddedUrl(embedded.url)).toBe(true);
    expect((ds.driver as unknown as { master: pg.Pool }).master.options.max).toBe(1);
  });
});
