import { PiiConfig } from '@helix/config';
import { describe, expect, it } from 'vitest';
import { buildAnalyzer } from '../registry.js';

const analyzer = buildAnalyzer(new PiiConfig(), undefined);
const found = (text: string) => analyzer.analyze(text).map((f) => [f.entityType, text.slice(f.start, f.end)]);

describe('NER rules', () => {
  it('finds people by title, cue and name gazetteer', () => {
    expect(found('Please ask Dr. Sofia Marchetti about it')).toContainEqual(['PERSON', 'Sofia Marchetti']);
    expect(found('My name is Henrik Aalto')).toContainEqual(['PERSON', 'Henrik Aalto']);
  });

  it('finds places, street addresses, organizations and nationalities', () => {
    expect(found('She moved to Rotterdam last year')).toContainEqual(['LOCATION', 'Rotterdam']);
    expect(found('Ship it to 221 Baker Street, please')).toContainEqual(['LOCATION', '221 Baker Street']);
    expect(found('He works for Brightwater Holdings now')).toContainEqual(['ORGANIZATION', 'Brightwater Holdings']);
    expect(found('a Norwegian film')).toContainEqual(['NRP', 'Norwegian']);
  });

  it('leaves sentence-initial common words, acronyms and plain prose alone', () => {
    expect(found('The API returns JSON. Please retry the request after a minute.')).toEqual([]);
  });

  it('takes common words that are names after a strong cue, speaker labels and lower-case full names', () => {
    expect(found('Hi Victor, I am writing about my order')).toContainEqual(['PERSON', 'Victor']);
    expect(found('Ubul: What a day.')).toContainEqual(['PERSON', 'Ubul']);
    expect(found('follow up with patricia desrosiers in a month')).toContainEqual(['PERSON', 'patricia desrosiers']);
    expect(found('Mrs. Barbara Yudina Apt. 675 Mellemvej 32')).toContainEqual(['PERSON', 'Barbara Yudina']);
  });

  it('does not take holidays, identifiers, contractions or form labels for names', () => {
    const names = (t: string) => found(t).filter(([type]) => type === 'PERSON');
    expect(names('We returned the last Sunday before Labor Day.')).toEqual([]);
    expect(names('use sk_test_Abcdefgh and my_Variable_Name here')).toEqual([]);
    expect(names("Now I'm done. May I ask?")).toEqual([]);
    expect(names('Phone: 555 0100  E-mail: a@b.co')).toEqual([]);
    expect(names('Authorization: Bearer abc\nCookie: theme=dark\nOrganization: none')).toEqual([]);
  });
});
