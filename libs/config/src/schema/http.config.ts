import { IsInt, Max, Min } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import type { HelixConfig } from './helix.config.js';
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
