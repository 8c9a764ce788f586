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
};

const GENERIC = 'HELIX__';

/**
 * Applies environment overrides to `target` (in place): first the named variables,
 * then `HELIX__<GROUP>__<FIELD>=value` (double underscore = one level deeper).
 * A segment matches an existing or default key case-insensitively, ignoring single
 * underscores (`BODY_LIMIT_BYTES` → `bodyLimitBytes`); a key not known yet is taken
 * from SNAKE_CASE (`CA_FILE` → `caFile`). Values are read as YAML scalars.
 */
export function applyEnvOverrides(target: Plain, env: Env, defaults: Plain): void {
  for (const [name, path] of Object.entries(NAMED_ENV)) {
    const raw = env[name];
    if (raw !== undefined) setPath(target, defaults, path, parseScalar(raw));
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
  return (
    known.find((k) => fold(k) === fold(segment)) ??
    segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
  );
}
