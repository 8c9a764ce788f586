import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { embeddedUrl } from '../embedded-url.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { listenPglite, type PgliteListener } from './socket-server.js';

/** Where and how the embedded database listens. */
export interface EmbeddedPostgresOptions {
  /** Directory for the database files; they live in `<dataDir>/pg`, with the lock file `<dataDir>/pg.lock`. */
  dataDir: string;
  /** Loopback port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Socket connections accepted at once (default 32); all share PGlite's single session, one at a time. */
  maxConnections?: number;
}

/**
 * Postgres in-process: PGlite (Postgres compiled to WASM) on disk, served on 127.0.0.1 over the Postgres
 * wire protocol, so `pg` and TypeORM's `postgres` driver use it like a server. Every connection shares one
 * backend session, so each sees the others' `SET`s and session advisory locks; batches and transactions of
 * different connections run one after another, never interleaved.
 */
export class EmbeddedPostgres {
  private stopped?: Promise<void>;

  private constructor(
    private readonly db: PGlite,
    private readonly listener: PgliteListener,
    private readonly lock: DataDirLock,
    /** A `postgres://` URL for `pg` and TypeORM; `isEmbeddedUrl(url)` is true. */
    readonly url: string,
  ) {}

  static async start(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    mkdirSync(opts.dataDir, { recursive: true });
    const lock = lockDataDir(join(opts.dataDir, 'pg.lock'));
    let db: PGlite | undefined;
    try {
      db = await PGlite.create(join(opts.dataDir, 'pg'));
      const listener = await listenPglite(db, { port: opts.port ?? 0, maxConnections: opts.maxConnections ?? 32 });
      return new EmbeddedPostgres(db, listener, lock, embeddedUrl(listener.port));
    } catch (error) {
      await db?.close();
      lock.release();
      throw error;
    }
  }

  /** Closes every connection, flushes and closes the database, and releases the data directory. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      try {
        await this.listener.close();
        await this.db.close();
      } finally {
        this.lock.release();
      }
    })();
    return this.stopped;
  }
}
