import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsExistingFile } from './validators.js';

export const CLIENT_AUTH_MODES = ['off', 'optional', 'required'] as const;
export type ClientAuthMode = (typeof CLIENT_AUTH_MODES)[number];

/**
 * HTTPS for the service's HTTP server. The files are watched: a renewed
 * certificate or key is loaded without a restart (new connections use it).
 */
export class HttpTlsConfig {
  /** Server certificate chain (PEM). */
  @IsExistingFile() readonly certFile!: string;

  /** Private key of `certFile` (PEM). */
  @IsExistingFile() readonly keyFile!: string;

  /** CA bundle (PEM) that client certificates must chain to; required when `clientAuth` is not `off`. */
  @IsOptional() @IsExistingFile() readonly caFile?: string;

  /**
   * Client certificates (mTLS), a second factor beside the key or token:
   * `off` asks for none; `optional` asks, lets a client without one through and
   * refuses (401) one whose certificate does not verify against `caFile`;
   * `required` refuses the TLS handshake without a verified certificate. Default `off`.
   */
  @IsIn(CLIENT_AUTH_MODES) readonly clientAuth: ClientAuthMode = 'off';

  /** Reload the certificate, key and CA when their files change. Default true. */
  @IsBoolean() readonly watch: boolean = true;
}

/** Cross-origin requests (browsers). Off while `origins` is empty. */
export class CorsConfig {
  /** Allowed origins (`https://app.example.com`), or `*` for any. Default none: CORS off. */
  @IsString({ each: true }) @Matches(/^(\*|https?:\/\/[^/\s]+)$/, { each: true, message: 'each must be * or an origin like https://app.example.com' })
  readonly origins: string[] = [];

  /** Allowed methods. Default GET, POST, PUT, PATCH, DELETE. */
  @IsString({ each: true }) readonly methods: string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

  /** Allowed request headers. Default authorization, content-type, x-api-key, x-request-id and the OpenAI client headers. */
  @IsString({ each: true })
  readonly allowedHeaders: string[] = ['authorization', 'content-type', 'x-api-key', 'x-request-id', 'openai-organization', 'openai-project', 'x-stainless-*'];

  /** Response headers a page may read. Default the request id, cache, cost and rate-limit headers. */
  @IsString({ each: true })
  readonly exposedHeaders: string[] = ['x-request-id', 'x-helix-cache', 'x-helix-cost', 'x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests', 'x-ratelimit-limit-tokens', 'x-ratelimit-remaining-tokens', 'retry-after'];

  /** Allow cookies and HTTP auth on cross-origin calls (not with `*`). Default false. */
  @IsBoolean() readonly credentials: boolean = false;

  /** How long a browser may keep a preflight answer, in seconds. Default 600. */
  @IsInt() @Min(0) @Max(86_400) readonly maxAgeSec: number = 600;
}

/** Security headers set on every HTTP response. */
export class SecurityHeadersConfig {
  /** Set them at all. Default true. */
  @IsBoolean() readonly enabled: boolean = true;

  /** `Strict-Transport-Security` max-age, in seconds, sent only over TLS; 0 = none. Default one year. */
  @IsInt() @Min(0) readonly hstsMaxAgeSec: number = 31_536_000;

  /** `Referrer-Policy`. Default `no-referrer`. */
  @IsString() readonly referrerPolicy: string = 'no-referrer';

  /**
   * `Content-Security-Policy` of HTML pages (the analytics dashboard, API docs).
   * Other responses get `default-src 'none'; frame-ancestors 'none'`.
   */
  @IsString()
  readonly pageContentSecurityPolicy: string =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}
