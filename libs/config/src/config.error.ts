/** One bad field: where it is in the config tree and what is wrong with it. */
export interface ConfigIssue {
  /** Dotted path from the root, e.g. `redis.url`; `(file)` for a file that cannot be read or parsed. */
  path: string;
  /** What is wrong, without the path, e.g. `must be a redis:// or rediss:// URL`. */
  message: string;
}

/** Thrown by `loadConfig()` with every issue found, never only the first. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(`Invalid configuration:\n${formatIssues(issues)}`);
    this.name = 'ConfigError';
  }
}

export const formatIssues = (issues: ConfigIssue[]): string =>
  issues.map((i) => `  ${i.path}: ${i.message}`).join('\n');
