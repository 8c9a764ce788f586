import { IsBoolean, IsOptional } from 'class-validator';
import { IsExistingFile } from './validators.js';

/** TLS settings for a client connection (NATS, Redis, Postgres). Omit the group to use plain TCP. */
export class TlsConfig {
  /** PEM file of the CA that signs the server's certificate; default: Node's bundled CAs. */
  @IsOptional() @IsExistingFile() readonly caFile?: string;

  /** Client certificate (PEM), for servers that require mutual TLS. Goes with `keyFile`. */
  @IsOptional() @IsExistingFile() readonly certFile?: string;

  /** Private key (PEM) of `certFile`. */
  @IsOptional() @IsExistingFile() readonly keyFile?: string;

  /** Refuse a server whose certificate does not verify. Turn off only on a test bench. Default true. */
  @IsBoolean() readonly rejectUnauthorized: boolean = true;
}
