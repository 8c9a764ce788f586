/** The process environment, as the loader sees it. Tests pass their own. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The only reader of `process.env` in Helix. Everything else reads configuration
 * from `HelixConfig`; the few raw variables that are not config fields (provider
 * credentials such as `OPENAI_API_KEY`, `HELIX_MASTER_KEY`) are read with this.
 */
export function env(name: string): string | undefined {
  return process.env[name];
}

/** A snapshot of the whole environment, for the loader's overrides and `${VAR}` interpolation. */
export function processEnv(): Env {
  return { ...process.env };
}
