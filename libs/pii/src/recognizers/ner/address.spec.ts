import { PiiConfig } from '@helix/config';
import { describe, expect, it } from 'vitest';
import { buildAnalyzer } from '../registry.js';

const analyzer = buildAnalyzer(new PiiConfig());
const locations = (text: string) => analyzer.analyze(text, { entities: ['LOCATION'] }).map((f) => text.slice(f.start, f.end));

describe('addresses', () => {
  it.each([
    ['Ship it to 3911 Fourth Avenue Suite 697, Austin, TX 78701 today', '3911 Fourth Avenue Suite 697, Austin, TX 78701'],
    ['Send it to 26 rue des Lieutenants Thomazo\nApt. 735\nDOLE\nFrance 35910', '26 rue des Lieutenants Thomazo\nApt. 735\nDOLE\nFrance 35910'],
    ['She lives at Kiannonkatu 98, 00100 Helsinki.', 'Kiannonkatu 98, 00100 Helsinki'],
    ['Our office: Rákóczi út 13. Suite 104 Veszprém', 'Rákóczi út 13. Suite 104 Veszprém'],
    ['Write to PSC 0413, Box 8144 APO AA 42323 soon', 'PSC 0413, Box 8144 APO AA 42323'],
    ['It is the corner of 3744 Retreat Avenue and Władysława Route.', 'the corner of 3744 Retreat Avenue and Władysława Route'],
    ['my zip code is 90210', '90210'],
  ])('%s', (text, address) => {
    expect(locations(text)).toContain(address);
  });

  it.each([
    ['chapter and section numbers', 'See Chapter 3 Section 4 of the manual'],
    ['quantities before common words', 'I walked 5 miles to the park and bought 2 Green Apples'],
    ['a bare number', 'We shipped 12345 units in 2024'],
  ])('no address in %s', (_, text) => {
    expect(locations(text)).toEqual([]);
  });
});
