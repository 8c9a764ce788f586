import type { CommonBusOptions } from '../bus.options.js';

/** Options of {@link createInProcessBus}. */
export interface InProcessBusOptions extends CommonBusOptions {
  /**
   * Journal the event stream and the durables' acks here, so a crash after
   * `publish` resolved loses nothing. Without it the stream is memory-only.
   */
  journalDir?: string;
  /** fsync every journal write (power-loss safety; a disk flush per publish). Default false. */
  fsync?: boolean;
  /** Journal segment size before a new one starts, in bytes (default 64 MiB). */
  segmentBytes?: number;
  /** Largest message, headers included (default `DEFAULT_MAX_PAYLOAD_BYTES`), refused above like NATS does. */
  maxPayload?: number;
}
