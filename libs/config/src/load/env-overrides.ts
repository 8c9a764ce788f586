import type { Env } from '../env.js';
import { isPlain, type Plain } from './plain.js';
import { parseScalar } from './scalar.js';

/** The usual variables and the field each one sets. */
export const NAMED_ENV: Readonly<Record<string, readonly string[]>> = {
  HELIX_MODE: ['mode'],
  HELIX_DATA_DIR: ['dataDir'],
  PORT: ['http', 'port'],
  NATS_URL: ['nats', 'url'],
  REDIS_URL: ['redis', 'url'],
  DATABASE_URL: ['database', 'url'],
  LOG_LEVEL: ['log', 'level'],
  OTEL_SERVICE_NAME: ['telemetry', 'serviceName'],
  OTEL_TRACES_SAMPLER_ARG: ['telemetry', 'tracing', 'sampleRatio'],
  OTEL_EXPORTER_OTLP_ENDPOINT: ['telemetry', 'tracing', 'endpoint'],
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ['telemetry', 'tracing', 'tracesEndpoint'],
  OTEL_EXPORTER_OTLP_HEADERS: ['telemetry', 'tracing', 'headers'],
};

/** Named variables whose value is not a YAML scalar. */
const PARSERS: Readonly<Record<string, (raw: string) => unknown>> = {
  OTEL_EXPORTER_OTLP_HEADERS: parseOtelHeaders,
};

/** The OpenTelemetry `k1=v1,k2=v2` list (values percent-encoded), as an object. */
export function parseOtelHeaders(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    out[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return out;
}

const GENERIC = 'HELIX__';

/**
 * Applies environment overrides to `target` (in place): first the named variables,
 * then `HELIX__<GROUP>__<FIELD>=value` (double underscore = one level deeper).
 * A segment matches an existing or default key case-insensitively, ignoring single
 * underscores (`BODY_LIMIT_BYTES` → `bodyLimitBytes`); a key not known yet is taken
 * from SNAKE_CASE (`CA_FILE` → `caFile`), or kept when already camelCase (the named
 * variables' paths). Values are read as YAML scalars.
 */
export function applyEnvOverrides(target: Plain, env: Env, defaults: Plain): void {
  for (const [name, path] of Object.entries(NAMED_ENV)) {
    const raw = env[name];
    if (raw !== undefined) setPath(target, defaults, path, (PARSERS[name] ?? parseScalar)(raw));
  }
  for (const name of Object.keys(env).sort()) {
    const raw = env[name];
    if (!name.startsWith(GENERIC) || raw === undefined) continue;
    const segments = name.slice(GENERIC.length).split('__');
    if (segments.every((s) => s !== '')) setPath(target, defaults, segments, parseScalar(raw));
  }
}

function setPath(target: Plain, defaults: Plain, segments: readonly string[], value: unknown): void {
  const [head, ...rest] = segments;
  const key = matchKey(head, [target, defaults]);
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  if (!isPlain(target[key])) target[key] = {};
  setPath(target[key] as Plain, isPlain(defaults[key]) ? defaults[key] : {}, rest, value);
}

const fold = (s: string) => s.replace(/_/g, '').toLowerCase();

function matchKey(segment: string, levels: Plain[]): string {
  const known = levels.flatMap((level) => Object.keys(level));
  const found = known.find((k) => fold(k) === fold(segment));
  if (found) return found;
  return /[a-z]/.test(segment) ? segment : segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
