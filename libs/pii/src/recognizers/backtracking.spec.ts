import { PiiConfig } from '@helix/config';
import { describe, expect, it } from 'vitest';
import { TextContext } from '../text/text-context.js';
import { buildAnalyzer, customRecognizer } from './registry.js';

type Named = { name: string; analyze(t: string, c: TextContext): unknown[] };
const analyzer = buildAnalyzer(new PiiConfig());
const recognizers = (analyzer as unknown as { settings: { recognizers: Named[] } }).settings.recognizers;

/** Recognizers that took longer than `limitMs` on `text`. */
function slowOn(text: string, rs: readonly Named[], limitMs: number): string[] {
  const slow: string[] = [];
  for (const r of rs) {
    const t0 = performance.now();
    r.analyze(text, new TextContext(text));
    const ms = performance.now() - t0;
    if (ms > limitMs) slow.push(`${r.name} ${ms.toFixed(0)} ms`);
  }
  return slow;
}

/** Inputs that make a backtracking regex explode: long runs of what a pattern almost accepts. */
const ADVERSARIAL: [string, string][] = [
  ['letters', 'a'.repeat(40_000)],
  ['capitals', 'Aa '.repeat(13_000)],
  ['digits', '1'.repeat(40_000)],
  ['spaced digits', '1 '.repeat(20_000)],
  ['dashed digits', '12-'.repeat(13_000)],
  ['dots', 'a.'.repeat(20_000)],
  ['at signs', 'a@'.repeat(20_000)],
  ['colons', 'a1:'.repeat(13_000)],
  ['hex', 'f'.repeat(40_000)],
  ['base64', 'aZ9+/'.repeat(8_000)],
  ['pem headers', '-----BEGIN PRIVATE KEY-----\n'.repeat(1_500)],
  ['pem body without end', `-----BEGIN PRIVATE KEY-----\n${'QUJD\\n'.repeat(6_000)}`],
  ['url-ish', 'http://a:b@'.repeat(3_500)],
  ['assignments', 'token=abc123'.repeat(3_300)],
  ['street-ish', '12 Main '.repeat(5_000)],
  ['name-ish', 'Anna van de '.repeat(3_300)],
  ['mixed', 'Dr. Anna 12 Rue de la 1234 5678 +44 (0)20 x@y.z '.repeat(800)],
];

describe('every recognizer on 40 KB of adversarial text', () => {
  it.each(ADVERSARIAL)('%s: each recognizer stays linear (under 1.5 s on a busy machine)', (_, text) => {
    expect(slowOn(text, recognizers, 1500)).toEqual([]);
  });

  it('the check catches a backtracking recognizer: a nested quantifier on 22 characters', () => {
    const explosive = customRecognizer({ name: 'explosive', entity: 'X', patterns: ['(a+)+b'], context: [], score: 0.6 });
    expect(slowOn('a'.repeat(22), [explosive], 5)).toHaveLength(1);
  });
});
