import { describe, expect, it } from 'vitest';
import { phraseKey, T, Tokens } from './tokens.js';
import { WordTable } from './word-hash.js';

const read = (text: string) => {
  const tk = new Tokens().read(text);
  return Array.from({ length: tk.count }, (_, i) => tk.textOf(i));
};

describe('Tokens', () => {
  it('joins inner apostrophes and hyphens, splits a possessive and punctuation', () => {
    expect(read("O'Brien's call: 555-2671, Vazquez-Riggs.")).toEqual(["O'Brien", "'", 's', 'call', ':', '555-2671', ',', 'Vazquez-Riggs', '.']);
  });

  it('flags capitals, all-caps, numbers, mixed tokens, line breaks and wide gaps', () => {
    const tk = new Tokens().read('Anna NASA 42 B7x\nnext  field');
    const f = (i: number) => tk.flags[i]!;
    expect(f(0) & (T.WORD | T.CAP)).toBe(T.WORD | T.CAP);
    expect(f(1) & T.ALLCAP).toBeTruthy();
    expect(f(2) & T.NUM).toBeTruthy();
    expect(f(3) & T.ALNUM).toBeTruthy();
    expect(f(4) & T.NEWLINE).toBeTruthy();
    expect(f(5) & T.WIDE).toBeTruthy();
    expect(f(4) & T.WIDE).toBeFalsy();
  });

  it('hashes case-insensitively, phrases the same way as a whole string, and reuses its buffers past their first size', () => {
    const tk = new Tokens().read(`${'x '.repeat(600)}New  YORK`);
    expect(tk.count).toBe(602);
    expect(tk.phrase(600, 601)).toEqual(phraseKey('new york'));
    expect(tk.phrase(600, 601)).not.toEqual(phraseKey('newyork'));
  });
});

describe('WordTable', () => {
  it('keeps flags per key, ORs repeated adds, and grows without losing entries', () => {
    const table = new WordTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => phraseKey(`word${i}`)!);
    keys.forEach(([a, b], i) => table.add(a, b, 1 << i % 3));
    table.add(keys[0]![0], keys[0]![1], 8);
    expect(table.get(...keys[0]!)).toBe(9);
    expect(table.get(...keys[4999]!)).toBe(1 << 4999 % 3);
    expect(table.get(...phraseKey('absent')!)).toBe(0);
    expect(table.size).toBe(5000);
  });
});
