import { hostname } from 'node:os';
import type { HelixConfig } from '@helix/config';
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { requestContext } from './request-context.js';

export type { Logger } from 'pino';

/** Never logged as is: credentials in headers and config (DESIGN §6). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.apiKey',
  '*.pass',
  '*.token',
];

/** The ids of the current request, merged into every line written inside it. */
function requestFields(): object {
  const context = requestContext.get();
  if (!context) return {};
  const { correlationId, requestId, traceId } = context;
  return { correlationId, ...(requestId && { requestId }), ...(traceId && { traceId }) };
}

/**
 * The process's pino logger: JSON lines on stdout (colored lines with `log.pretty`),
 * ISO timestamps, level names, `service` from `telemetry.serviceName`, and the
 * request ids from `requestContext` on every line. `destination` is for tests.
 */
export function createLogger(
  config: Pick<HelixConfig, 'log' | 'telemetry' | 'service'>,
  destination?: DestinationStream,
): Logger {
  const stream = destination ?? (config.log.pretty ? pretty({ sync: true }) : undefined);
  const options = {
    level: config.log.level,
    base: { pid: process.pid, hostname: hostname(), service: config.telemetry.serviceName ?? config.service },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: requestFields,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return stream ? pino(options, stream) : pino(options);
}
