import { DEFAULT_MAX_PAYLOAD_BYTES } from '@helix/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { TlsConfig } from './tls.config.js';
import { IsExistingFile, IsServiceUrl } from './validators.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The NATS connection and the JetStream event stream (distributed mode only). */
export class NatsConfig {
  /** Server URL, or a comma-separated list of seed servers. Env: `NATS_URL`. Default `nats://127.0.0.1:4222`. */
  @IsServiceUrl(['nats', 'tls', 'ws', 'wss'], { list: true }) readonly url: string = 'nats://127.0.0.1:4222';

  /**
   * Prefix of every subject on the wire and suffix of the stream name, so two Helix
   * deployments (or test runs) share one NATS without seeing each other. Default none.
   */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,32}$/) readonly namespace?: string;

  /** Connection name shown by the server's monitoring. Default: `helix-<service>`. */
  @IsOptional() @IsString() @IsNotEmpty() readonly name?: string;

  /**
   * Largest message Helix sends, in bytes. The server's `max_payload` must be at
   * least this. Default 8 MiB.
   */
  @IsInt() @Min(64 * 1024) @Max(64 * 1024 * 1024) readonly maxPayloadBytes: number = DEFAULT_MAX_PAYLOAD_BYTES;

  /** Default timeout of a request/reply call, in ms, where a caller sets none. Default 2000. */
  @IsInt() @Min(1) @Max(120_000) readonly requestTimeoutMs: number = 2_000;

  /** How long the `HELIX_EVENTS` stream keeps an event, in ms. Default 7 days. */
  @IsInt() @Min(60_000) readonly streamMaxAgeMs: number = 7 * DAY_MS;

  /** JetStream de-duplication window for event ids, in ms. Default 2 minutes. */
  @IsInt() @Min(1_000) readonly duplicateWindowMs: number = 2 * 60_000;

  /** User name, for user/password auth. Goes with `pass`. */
  @IsOptional() @IsString() @IsNotEmpty() readonly user?: string;

  /** Password of `user`; write `${NATS_PASS}` rather than the secret itself. */
  @ValidateIf((o: NatsConfig) => o.user !== undefined || o.pass !== undefined)
  @IsString({ message: 'is required when nats.user is set' })
  readonly pass?: string;

  /** Token auth; write `${NATS_TOKEN}` rather than the secret itself. */
  @IsOptional() @IsString() @IsNotEmpty() readonly token?: string;

  /** A `.creds` file (JWT + nkey seed) for decentralized auth. */
  @IsOptional() @IsExistingFile() readonly credsFile?: string;

  /** A file holding an nkey seed, for nkey auth. */
  @IsOptional() @IsExistingFile() readonly nkeySeedFile?: string;

  /** TLS to the server; omit for plain TCP. */
  @IsOptional() @ValidateNested() @Type(() => TlsConfig) readonly tls?: TlsConfig;
}
