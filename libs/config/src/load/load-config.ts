import { resolve } from 'node:path';
import { instanceToPlain } from 'class-transformer';
import { ConfigError, formatIssues } from '../config.error.js';
import { processEnv, type Env } from '../env.js';
import { HelixConfig, type ServiceName } from '../schema/helix.config.js';
import { deepFreeze } from './deep-freeze.js';
import { applyEnvOverrides } from './env-overrides.js';
import { deepMerge, type Plain } from './plain.js';
import { readSource } from './read-source.js';
import { validateTree } from './validate.js';

export const DEFAULT_CONFIG_PATH = 'config/helix.yaml';

/** How to load the configuration. */
export interface LoadConfigOptions {
  /**
   * The YAML file. Default: `HELIX_CONFIG`, else `config/helix.yaml` under the
   * working directory. Only the default path may be missing (defaults + env).
   */
  path?: string;
  /** The environment to read. Default `process.env`. */
  env?: Env;
  /** Which process this is; each app's `main.ts` sets it. */
  service?: ServiceName;
  /** Values that win over file and env, as a nested tree (tests, tools). */
  overrides?: Plain;
}

/** A loaded config and the file text it came from. */
export interface Loaded {
  config: HelixConfig;
  path: string;
  text: string | undefined;
}

/** Loads, interpolates, overrides and validates; throws one `ConfigError` listing every bad field. */
export function loadConfig(options: LoadConfigOptions = {}): HelixConfig {
  return load(options).config;
}

/** `loadConfig()` for a `main.ts`: on a bad config, prints every issue to stderr and exits with code 1. */
export function loadConfigOrExit(options: LoadConfigOptions = {}): HelixConfig {
  return orExit(() => loadConfig(options));
}

/** Runs `fn`; a `ConfigError` ends the process with every issue printed. */
export function orExit<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`helix: invalid configuration, not starting:\n${formatIssues(error.issues)}\n`);
    process.exit(1);
  }
}

export function load(options: LoadConfigOptions): Loaded {
  const env = options.env ?? processEnv();
  const explicit = options.path ?? (env.HELIX_CONFIG || undefined);
  const path = resolve(explicit ?? DEFAULT_CONFIG_PATH);
  const source = readSource(path, env, explicit !== undefined);
  const tree = source.plain;
  applyEnvOverrides(tree, env, instanceToPlain(new HelixConfig()));
  const withOverrides = deepMerge(tree, { ...options.overrides, ...(options.service && { service: options.service }) });
  const { config, issues } = validateTree(withOverrides);
  const all = [...source.issues, ...issues];
  if (all.length > 0) throw new ConfigError(all);
  return { config: deepFreeze(computeDerived(config)), path, text: source.text };
}

/** Values computed once at load, so nothing downstream recomputes or guesses them. */
function computeDerived(config: HelixConfig): HelixConfig {
  const name = `helix-${config.service}`;
  Object.assign(config, { dataDir: resolve(config.dataDir) });
  Object.assign(config.nats, { name: config.nats.name ?? name });
  Object.assign(config.telemetry, { serviceName: config.telemetry.serviceName ?? name });
  return config;
}
