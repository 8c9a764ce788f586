import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import type { HelixConfig } from './helix.config.js';
import { CorsConfig, HttpTlsConfig, SecurityHeadersConfig } from './http-security.config.js';
import { IsHost } from './validators.js';

/** Room left in a bus message for headers and the protobuf envelope around a request body. */
export const BUS_ENVELOPE_BYTES = 64 * 1024;

/** The HTTP server of every service: the gateway's API, and health and metrics everywhere. */
export class HttpConfig {
  /** Address to listen on. Default `0.0.0.0` (every interface, as containers need). */
  @IsHost() readonly host: string = '0.0.0.0';

  /** Port to listen on; `0` picks a free one. Env: `PORT`. Default 8080. Health and metrics share it. */
  @IsInt() @Min(0) @Max(65_535) readonly port: number = 8080;

  /**
   * Largest request body accepted, in bytes. Must stay at least 64 KiB under
   * `nats.maxPayloadBytes`, so a request always fits in one bus message. Default 4 MiB.
   */
  @IsInt() @Min(1024) readonly bodyLimitBytes: number = 4 * 1024 * 1024;

  /**
   * Connections the kernel queues for `accept` before it drops new ones (capped by
   * `net.core.somaxconn`). Node's default of 511 dropped connects when 1,000 clients
   * arrived at once, and each dropped SYN costs the client a 1-30 s retransmit. Default 4096.
   */
  @IsInt() @Min(1) @Max(65_535) readonly backlog: number = 4096;

  /**
   * Extra accept handles on the listening socket. Node accepts one connection per handle per
   * event-loop turn, and a turn under load lasts 50-300 ms, so without them new connections
   * wait in the kernel queue for seconds while open ones are served. Each handle is one more
   * descriptor of the same socket (got from a child process at start). 0 turns them off. Default 15.
   */
  @IsInt() @Min(0) @Max(255) readonly acceptHandles: number = 15;

  /** HTTPS (and optional client certificates); omit for plain HTTP. */
  @IsOptional() @ValidateNested() @Type(() => HttpTlsConfig) readonly tls?: HttpTlsConfig;

  /** Cross-origin requests from browsers; off by default. */
  @ValidateNested() @Type(() => CorsConfig) readonly cors: CorsConfig = new CorsConfig();

  /** nosniff, frame and referrer policies, HSTS over TLS, CSP. */
  @ValidateNested() @Type(() => SecurityHeadersConfig) readonly securityHeaders: SecurityHeadersConfig = new SecurityHeadersConfig();

  /**
   * On SIGTERM/SIGINT the server stops taking connections and lets requests and streams in
   * flight finish for at most this long, in ms; then the connections left are closed and the
   * shutdown goes on (bus drained, events flushed). Keep it under the orchestrator's kill
   * timeout (Kubernetes: terminationGracePeriodSeconds, 30 s). Default 25000.
   */
  @IsInt() @Min(0) @Max(3_600_000) readonly shutdownGraceMs: number = 25_000;

  /**
   * On SIGTERM/SIGINT, how long the server keeps taking new requests after `/health/ready`
   * turned 503, in ms, so load balancers and Kubernetes endpoints stop routing here before the
   * listener closes (a connection queued on a closed listener is reset). Set it to the balancer's
   * health-check interval times its failure threshold. Default 0.
   */
  @IsInt() @Min(0) @Max(600_000) readonly shutdownDelayMs: number = 0;
}

/** Client certificates need the CA that signs them. */
export function clientAuthHasCa({ http }: HelixConfig): ConfigIssue | undefined {
  if (!http.tls || http.tls.clientAuth === 'off' || http.tls.caFile) return undefined;
  return { path: 'http.tls.caFile', message: `is required when http.tls.clientAuth is ${http.tls.clientAuth}` };
}

/** `http.bodyLimitBytes` must fit in one bus message with room for the envelope. */
export function bodyFitsBusPayload({ http, nats }: HelixConfig): ConfigIssue | undefined {
  const room = nats.maxPayloadBytes - BUS_ENVELOPE_BYTES;
  if (!Number.isInteger(http.bodyLimitBytes) || !Number.isInteger(nats.maxPayloadBytes)) return undefined;
  if (http.bodyLimitBytes <= room) return undefined;
  return {
    path: 'http.bodyLimitBytes',
    message:
      `must be at most nats.maxPayloadBytes - 64 KiB = ${room} (is ${http.bodyLimitBytes}); ` +
      'lower it or raise nats.maxPayloadBytes (and the NATS server max_payload)',
  };
}
