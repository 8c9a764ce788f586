import { ErrorCodes, ErrorTypes } from '@helix/contracts';
import { UpstreamStreamError } from '../openai-compatible/stream.mapper.js';
import type { ProviderErrorInfo } from './provider-error.js';

/** A provider's mid-stream error event → the error the gateway sends as the stream's last event. */
export function streamFailure(info: ProviderErrorInfo | undefined): UpstreamStreamError {
  return new UpstreamStreamError({
    error: {
      message: `The upstream provider failed mid-stream: ${info?.message ?? 'unknown error'}`,
      type: ErrorTypes.upstream,
      param: null,
      code: info?.type ?? ErrorCodes.upstreamError,
    },
  });
}

/** Parses one stream event's JSON, or fails the stream. */
export function parseEvent(data: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw streamFailure({ message: 'an event that is not JSON' });
  }
  if (typeof parsed !== 'object' || parsed === null) throw streamFailure({ message: 'an event that is not an object' });
  return parsed as Record<string, unknown>;
}
