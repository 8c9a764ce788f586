import { Errors, type HelixError } from '@helix/contracts';

/**
 * The deepest nesting of arrays and objects a JSON body may have. JSON.parse takes any depth,
 * but JSON.stringify and every recursive walk after it (validation, PII segments, the provider
 * call) overflow the stack somewhere past a few thousand levels, which was a 500. Real requests,
 * tool schemas included, stay far below this.
 */
export const MAX_JSON_DEPTH = 128;

/** A UTF-16 surrogate without its pair: JSON.parse makes one from `"\ud800"`, but it is no Unicode text. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What is wrong with a parsed JSON body, or undefined: nesting past MAX_JSON_DEPTH, or a string
 * (or key) holding a lone surrogate, which Postgres refuses in json columns (a 500 on the admin API)
 * and no upstream accepts. Iterative, so any depth is safe to check.
 */
export function jsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): 'depth' | 'surrogate' | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return 'surrogate';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return 'depth';
    if (Array.isArray(v)) {
      for (const child of v) stack.push([child, depth + 1]);
      continue;
    }
    for (const [key, child] of Object.entries(v)) {
      if (LONE_SURROGATE.test(key)) return 'surrogate';
      stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** The 400 for a JSON body nested too deep or holding a lone surrogate, or undefined. */
export function jsonBodyError(body: unknown): HelixError | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  switch (jsonBodyProblem(body)) {
    case 'depth':
      return Errors.invalidJson(`The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`);
    case 'surrogate':
      return Errors.invalidJson('The JSON body holds a string with an unpaired UTF-16 surrogate (\\ud800-\\udfff without its pair), which is not Unicode text.');
    default:
      return undefined;
  }
}
