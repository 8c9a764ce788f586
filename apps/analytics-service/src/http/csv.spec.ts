import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes what needs quoting and leaves numbers alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('-0.25')).toBe('-0.25');
    expect(csvField(null)).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@sum')).toBe("'@sum");
  });

  it('writes a header of every column, then the rows', () => {
    expect(toCsv([{ a: 1 }, { a: 2, b: 'x' }])).toBe('a,b\r\n1,\r\n2,x\r\n');
  });
});
