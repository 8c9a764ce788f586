import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreMap, restoreText, StreamRestorer } from './restore.js';

const map = restoreMap([
  { placeholder: '<PERSON_1>', original: 'Ada Lovelace' },
  { placeholder: '<EMAIL_ADDRESS_1>', original: 'ada@example.com' },
  { placeholder: '<PERSON_12>', original: 'Grace <Hopper>' },
]);

function streamed(text: string, cuts: number[]): string {
  const r = new StreamRestorer(map);
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let out = '';
  let at = 0;
  for (const p of [...points, text.length]) {
    out += r.push(text.slice(at, p));
    at = p;
  }
  return out + r.flush();
}

describe('restore', () => {
  it('restores known placeholders and leaves unknown ones and look-alikes', () => {
    expect(restoreText('Hi <PERSON_1>, mail <EMAIL_ADDRESS_1>. <PERSON_9> <b> x<y', map)).toBe('Hi Ada Lovelace, mail ada@example.com. <PERSON_9> <b> x<y');
  });

  it('holds back only a possible placeholder start on a stream', () => {
    const r = new StreamRestorer(map);
    expect(r.push('Dear <PER')).toBe('Dear ');
    expect(r.push('SON_1> and 3 < 4')).toBe('Ada Lovelace and 3 < 4');
    expect(r.push(' <')).toBe(' ');
    expect(r.flush()).toBe('<');
  });

  it('restores exactly under any split of the stream (property)', () => {
    const piece = fc.oneof(fc.constantFrom('<PERSON_1>', '<EMAIL_ADDRESS_1>', '<PERSON_12>', '<PERSON_9>', '<', '>', ' ', 'x', '<P', 'ERSON_'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 20 }), (pieces, cuts) => {
        const text = pieces.join('');
        expect(streamed(text, cuts)).toBe(restoreText(text, map));
      }),
      { numRuns: 2000 },
    );
  });
});
