import { ConfigError, type ConfigIssue } from '../config.error.js';
import { load, type Loaded, type LoadConfigOptions } from '../load/load-config.js';
import { readText } from '../load/read-source.js';
import type { HelixConfig } from '../schema/helix.config.js';
import { stderrLogger, type ConfigLogger } from './config-logger.js';
import { watchConfigFile } from './config-watcher.js';

/** Called with the new and the previous config after a reload swapped them. */
export type ConfigListener = (next: HelixConfig, prev: HelixConfig) => void;

export type ReloadResult = { ok: true } | { ok: false; issues: ConfigIssue[] };

/** A check a consumer adds: issues found in a config it could not run with (e.g. an unknown provider type). */
export type ConfigCheck = (config: HelixConfig) => ConfigIssue[];

/** Options of `watch()`. */
export interface WatchOptions {
  /** Quiet time after the last file event before reloading, in ms. Default 200. */
  debounceMs?: number;
}

/**
 * Holds the current config and swaps it on reload. `current` is one deeply frozen
 * object replaced by a single reference assignment, so a reader sees the old or the
 * new config, never a mix. An invalid file is refused and logged; the old config
 * keeps serving. Construction loads once and throws `ConfigError` like `loadConfig`.
 */
export class ConfigStore {
  #loaded: Loaded;
  #logger: ConfigLogger = stderrLogger;
  #stopWatching?: () => void;
  readonly #listeners = new Set<ConfigListener>();
  readonly #checks: ConfigCheck[] = [];

  constructor(private readonly options: LoadConfigOptions = {}) {
    this.#loaded = load(options);
  }

  get current(): HelixConfig {
    return this.#loaded.config;
  }

  /** The config file this store reads (absolute; it may not exist). */
  get path(): string {
    return this.#loaded.path;
  }

  /** Log reloads through the app's logger from now on. */
  useLogger(logger: ConfigLogger): void {
    this.#logger = logger;
  }

  /**
   * Adds a check that every later config must pass before it is swapped in, for
   * rules this lib cannot know (the provider registry, say). Runs on the current
   * config at once and throws `ConfigError`, so a bad config fails at start.
   */
  addCheck(check: ConfigCheck): void {
    const issues = check(this.current);
    if (issues.length) throw new ConfigError(issues);
    this.#checks.push(check);
  }

  /** `fn` runs after each successful reload; a listener that throws is logged and the others still run. */
  subscribe(fn: ConfigListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Reads the file and env again; swaps in the result if valid, else keeps the current config. */
  reload(): ReloadResult {
    let next: Loaded;
    try {
      next = load(this.options);
      const issues = this.#checks.flatMap((check) => check(next.config));
      if (issues.length) throw new ConfigError(issues);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.#logger.warn({ path: this.path, issues: error.issues }, 'config reload refused; keeping the current config');
      return { ok: false, issues: error.issues };
    }
    const prev = this.#loaded.config;
    this.#loaded = next;
    this.#logger.info({ path: this.path }, 'config reloaded');
    this.#notify(next.config, prev);
    return { ok: true };
  }

  /** Reloads on SIGHUP, and when the file's text changes (fs.watch, debounced). Idempotent. */
  watch(options: WatchOptions = {}): void {
    this.#stopWatching ??= watchConfigFile(this.path, options.debounceMs ?? 200, {
      onChange: () => this.#reloadIfChanged(),
      onSignal: () => this.reload(),
      onError: (error) => this.#logger.warn({ path: this.path, err: error }, 'config file watch failed'),
    });
  }

  /** Stops watching and drops every listener. */
  close(): void {
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#listeners.clear();
  }

  #reloadIfChanged(): void {
    if (readText(this.path) !== this.#loaded.text) this.reload();
  }

  #notify(next: HelixConfig, prev: HelixConfig): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(next, prev);
      } catch (error) {
        this.#logger.error({ err: error }, 'config listener failed');
      }
    }
  }
}
