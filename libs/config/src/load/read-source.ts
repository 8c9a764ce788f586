import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { ConfigIssue } from '../config.error.js';
import type { Env } from '../env.js';
import { interpolate } from './interpolate.js';
import { isPlain, type Plain } from './plain.js';

/** The config file as read: its exact text (to notice real changes) and its interpolated tree. */
export interface Source {
  text: string | undefined;
  plain: Plain;
  issues: ConfigIssue[];
}

/** Reads and parses the YAML file; a missing file is an empty tree unless `required`. */
export function readSource(path: string, env: Env, required: boolean): Source {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `${path} does not exist` : `cannot read ${path}: ${(error as Error).message}`;
    const issues = missing && !required ? [] : [{ path: '(file)', message }];
    return { text: undefined, plain: {}, issues };
  }
  const doc = parseDocument(text, { prettyErrors: true });
  const [syntaxError] = doc.errors;
  if (syntaxError) return { text, plain: {}, issues: [{ path: '(file)', message: `${path}: ${syntaxError.message}` }] };
  const issues = interpolate(doc, env);
  const tree: unknown = doc.toJS() ?? {};
  if (!isPlain(tree)) return { text, plain: {}, issues: [{ path: '(file)', message: `${path}: must be a mapping` }] };
  return { text, plain: tree, issues };
}

/** The file's text, or undefined when it cannot be read (missing, mid-replace). */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
