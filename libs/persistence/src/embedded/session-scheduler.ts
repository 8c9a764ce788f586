import type { PGlite } from '@electric-sql/pglite';
import { ReadyForQueryWatcher } from './ready-for-query.js';

interface Job {
  handlerId: number;
  /** A frontend protocol message, or null when the connection is gone; both null and Terminate end its session. */
  message: Uint8Array | null;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const syncMessage = new Uint8Array([0x53, 0, 0, 0, 4]);
const terminateType = 0x58;

/**
 * Runs the protocol messages of every socket connection on PGlite's single backend session, one connection at
 * a time: a connection holds the session from its first message until the backend answers ReadyForQuery
 * "idle", that is after a simple query, after the Sync that ends an extended-protocol batch, or after the
 * transaction that was open ends. Batches and transactions of different connections therefore never
 * interleave, and the unnamed prepared statement of one connection is never replaced by another's.
 *
 * It has the shape `PGLiteSocketHandler` expects of its `queryQueue` and replaces pglite-socket's own
 * QueryQueueManager, which pins a connection only inside BEGIN…COMMIT and so interleaves Parse/Bind/Sync
 * batches of concurrent connections (electric-sql/pglite#1046), and which stalls for good after an internal
 * error or a disconnect mid-transaction (#1046, #985).
 */
export class SessionScheduler {
  private readonly jobs: Job[] = [];
  private owner: number | null = null;
  private draining = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return this.push(handlerId, message, onData);
  }

  getQueueLength(): number {
    return this.jobs.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.jobs.length - 1; i >= 0; i--) {
      const job = this.jobs[i]!;
      if (job.handlerId !== handlerId || !job.message) continue;
      this.jobs.splice(i, 1);
      job.reject(new Error('connection closed'));
    }
  }

  /** Called when a connection goes away: once its running message ends, end its batch and transaction. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    await this.push(handlerId, null, () => undefined);
  }

  private push(handlerId: number, message: Uint8Array | null, onData: Job['onData']): Promise<number> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let job = this.next(); job; job = this.next()) await this.run(job);
    } finally {
      this.draining = false;
    }
  }

  private next(): Job | undefined {
    const index = this.owner === null ? 0 : this.jobs.findIndex((job) => job.handlerId === this.owner);
    return index < 0 ? undefined : this.jobs.splice(index, 1)[0];
  }

  private async run(job: Job): Promise<void> {
    try {
      const { handlerId, message, onData } = job;
      const ends = !message || message[0] === terminateType;
      job.resolve(ends ? await this.abandon(handlerId) : await this.execute(handlerId, message, onData));
    } catch (error) {
      job.reject(error);
    }
  }

  private async execute(handlerId: number, message: Uint8Array, onData: Job['onData']): Promise<number> {
    this.owner = handlerId;
    const ready = new ReadyForQueryWatcher();
    let bytes = 0;
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (data) => {
          bytes += data.length;
          ready.push(data);
          onData(data);
        },
      }),
    );
    if (ready.status() === 'I') this.owner = null;
    return bytes;
  }

  private async abandon(handlerId: number): Promise<number> {
    if (this.owner !== handlerId) return 0;
    await this.db.runExclusive(() => this.db.execProtocolRawStream(syncMessage, { onRawData: () => undefined }));
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    return 0;
  }
}
