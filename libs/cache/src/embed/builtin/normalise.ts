const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/\b(it|that|what|there|here|who|where|how|he|she)'s\b/g, '$1 is'],
  [/'s\b/g, ''],
];

/**
 * Lower case, accents and typographic quotes folded, contractions expanded,
 * punctuation to spaces (keeping `+`, `#` and `.` inside words, so c++, c#
 * and 2.5 survive; letters of every script stay), whitespace collapsed.
 */
export function normalise(text: string): string {
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  s = s.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  s = s.replace(/([\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '$1\u0001').replace(/[^\p{L}\p{N}_+#\u0001\s]/gu, ' ').replace(/\u0001/g, '.');
  return s.replace(/\s+/g, ' ').trim();
}

/** Words of a normalised text. */
export const words = (normalised: string): string[] => (normalised ? normalised.split(' ') : []);
