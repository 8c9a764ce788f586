import { Errors, type HelixError } from '@helix/contracts';

/**
 * The deepest nesting of arrays and objects a JSON body may have. JSON.parse takes any depth,
 * but JSON.stringify and every recursive walk after it (validation, PII segments, the provider
 * call) overflow the stack somewhere past a few thousand levels, which was a 500. Real requests,
 * tool schemas included, stay far below this.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * A UTF-16 surrogate without its pair (JSON.parse makes one from `"\ud800"`, but it is no Unicode
 * text), or NUL, which Postgres stores in no text or json column.
 */
const NOT_TEXT = /[\p{Cs}\u0000]/u;

/**
 * What is wrong with a parsed JSON body, or undefined: nesting past MAX_JSON_DEPTH, or a string
 * (or key) holding a lone surrogate or NUL, which Postgres refuses (a 500 on the admin API when a
 * name held one). Iterative, so any depth is safe to check.
 */
export function jsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): 'depth' | 'text' | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (NOT_TEXT.test(v)) return 'text';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return 'depth';
    if (Array.isArray(v)) {
      for (const child of v) stack.push([child, depth + 1]);
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      if (NOT_TEXT.test(key)) return 'text';
      stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** The 400 for a JSON body nested too deep or holding a lone surrogate or NUL, or undefined. */
export function jsonBodyError(body: unknown): HelixError | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  switch (jsonBodyProblem(body)) {
    case 'depth':
      return Errors.invalidJson(`The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`);
    case 'text':
      return Errors.invalidJson('The JSON body holds a string with NUL (\\u0000) or an unpaired UTF-16 surrogate (\\ud800-\\udfff without its pair).');
    default:
      return undefined;
  }
}
