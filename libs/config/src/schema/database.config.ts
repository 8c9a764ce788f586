import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { TlsConfig } from './tls.config.js';
import { IsServiceUrl } from './validators.js';

/** The Postgres database: Postgres itself in distributed mode, PGlite in `dataDir` in embedded mode. */
export class DatabaseConfig {
  /**
   * Connection URL. Env: `DATABASE_URL`. Required in distributed mode; in embedded
   * mode leave it unset and Helix serves PGlite on a local socket.
   */
  @IsOptional() @IsServiceUrl(['postgres', 'postgresql']) readonly url?: string;

  /** Connections per process. Default 10. */
  @IsInt() @Min(1) @Max(1_000) readonly poolSize: number = 10;

  /** TLS to Postgres; omit for plain TCP (or the URL's `sslmode`). */
  @IsOptional() @ValidateNested() @Type(() => TlsConfig) readonly ssl?: TlsConfig;
}
