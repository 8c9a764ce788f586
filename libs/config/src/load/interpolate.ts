import { isPair, isScalar, isSeq, visit, type Document, type Scalar } from 'yaml';
import type { ConfigIssue } from '../config.error.js';
import type { Env } from '../env.js';
import { parseScalar } from './scalar.js';

const REFERENCE = /\$(\$)?\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in the document's string values (not
 * keys) with values from `env`; `$${VAR}` is a literal `${VAR}`. The default is
 * used when the variable is unset or empty. An unquoted value that is exactly one
 * reference is read as a YAML scalar (`port: ${PORT:-8080}` is a number); a quoted
 * one stays a string. A variable that is unset with no default is an issue.
 */
export function interpolate(doc: Document, env: Env): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      const source = node.value;
      const path = pathOf(key, ancestors);
      const replaced = source.replace(REFERENCE, (ref, escaped, name: string, fallback?: string) => {
        if (escaped) return ref.slice(1);
        const value = env[name];
        if (value !== undefined && value !== '') return value;
        if (fallback !== undefined) return fallback;
        issues.push({ path, message: `environment variable ${name} is not set (write \${${name}:-} to allow empty)` });
        return '';
      });
      node.value = isPlainWhole(node, source) ? parseScalar(replaced) : replaced;
    },
  });
  return issues;
}

const isPlainWhole = (node: Scalar, source: string) => node.type === 'PLAIN' && WHOLE.test(source);

function pathOf(key: number | 'key' | 'value' | null, ancestors: readonly unknown[]): string {
  const parts: string[] = [];
  ancestors.forEach((node, i) => {
    const next = ancestors[i + 1];
    if (isPair(node) && isScalar(node.key)) parts.push(String(node.key.value));
    if (isSeq(node)) parts.push(String(next === undefined ? key : node.items.indexOf(next as never)));
  });
  return parts.join('.') || '(root)';
}
