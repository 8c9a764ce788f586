import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';

/** The gateway's on-disk event outbox (distributed mode), under `dataDir/outbox`. */
export class OutboxConfig {
  /** Unacked bytes at which the gateway refuses new requests (503) rather than risk a billable event. Default 1 GiB. */
  @IsInt() @Min(64 * 1024) readonly maxBytes: number = 1024 * 1024 * 1024;

  /** Size of one log segment file; acked segments are deleted whole. Default 16 MiB. */
  @IsInt() @Min(4 * 1024) @Max(1024 * 1024 * 1024) readonly segmentBytes: number = 16 * 1024 * 1024;

  /** How often written events are flushed to disk (fdatasync), in ms; 0 = leave it to the OS. Default 1000. */
  @IsInt() @Min(0) readonly fsyncIntervalMs: number = 1000;
}

/** How the gateway publishes its events. */
export class EventsConfig {
  @ValidateNested() @Type(() => OutboxConfig) readonly outbox: OutboxConfig = new OutboxConfig();
}
