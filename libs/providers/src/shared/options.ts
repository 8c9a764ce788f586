import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import type { Deployment } from '../provider.js';

/** A deployment that cannot be called as configured (the operator's error, not the caller's). */
export const deploymentError = (dep: Deployment, message: string): HelixError =>
  new HelixError(500, ErrorTypes.server, `Deployment "${dep.id}" is misconfigured: ${message}`, ErrorCodes.internal);

/**
 * Reads a deployment's provider `options` with types, collecting every problem, so
 * `checkDeployment` can report them all at config load and a request gets one clear 500.
 */
export class OptionReader {
  readonly issues: string[] = [];

  constructor(readonly dep: Deployment) {}

  string(name: string, fallback?: string): string | undefined {
    const v = this.dep.options?.[name];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'string') return v;
    this.issues.push(`options.${name} must be a string`);
    return fallback;
  }

  number(name: string, min = 0): number | undefined {
    const v = this.dep.options?.[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v >= min) return v;
    this.issues.push(`options.${name} must be a number of at least ${min}`);
    return undefined;
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.dep.options?.[name];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    this.issues.push(`options.${name} must be true or false`);
    return fallback;
  }

  /** A string or a list of strings. */
  strings(name: string): string[] {
    const v = this.dep.options?.[name];
    if (v === undefined || v === null || v === '') return [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
    this.issues.push(`options.${name} must be a string or a list of strings`);
    return [];
  }

  object(name: string): Record<string, unknown> | undefined {
    const v = this.dep.options?.[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    this.issues.push(`options.${name} must be an object`);
    return undefined;
  }

  /** Records `message` when `value` is missing. */
  require<T>(value: T | undefined, message: string): T {
    if (value === undefined || value === '') this.issues.push(message);
    return value as T;
  }

  /** The settings, or a 500 naming every problem. */
  finish<T>(settings: T): T {
    if (this.issues.length) throw deploymentError(this.dep, this.issues.join('; '));
    return settings;
  }
}

/**
 * Parses settings once per deployment object (the catalog builds them once per config load),
 * and lists the problems for `checkDeployment`.
 */
export function settingsParser<T>(parse: (read: OptionReader) => T): { get(dep: Deployment): T; check(dep: Deployment): string[] } {
  const cache = new WeakMap<Deployment, T>();
  return {
    get(dep) {
      let settings = cache.get(dep);
      if (settings === undefined) {
        const read = new OptionReader(dep);
        settings = read.finish(parse(read));
        cache.set(dep, settings);
      }
      return settings;
    },
    check(dep) {
      const read = new OptionReader(dep);
      try {
        parse(read);
      } catch (err) {
        read.issues.push(err instanceof Error ? err.message : String(err));
      }
      return read.issues;
    },
  };
}
