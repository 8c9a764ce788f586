const length = 6;
const statusOffset = 5;
const header = [0x5a, 0, 0, 0, 5];

/** Transaction status of a backend ReadyForQuery: idle, in a transaction block, or in a failed one. */
export type ReadyStatus = 'I' | 'T' | 'E';

/**
 * Watches the bytes a backend sends for one frontend message and reports the status of the ReadyForQuery
 * that ends them, if any. ReadyForQuery is always the last message of a response, so the last six bytes suffice.
 */
export class ReadyForQueryWatcher {
  private tail = new Uint8Array(0);

  push(data: Uint8Array): void {
    const joined = new Uint8Array(this.tail.length + data.length);
    joined.set(this.tail);
    joined.set(data, this.tail.length);
    this.tail = joined.slice(-length);
  }

  /** The status of the final ReadyForQuery, or undefined when the response did not end with one. */
  status(): ReadyStatus | undefined {
    if (this.tail.length < length || header.some((byte, i) => this.tail[i] !== byte)) return undefined;
    return String.fromCharCode(this.tail[statusOffset]!) as ReadyStatus;
  }
}
