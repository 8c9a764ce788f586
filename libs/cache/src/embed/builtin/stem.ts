const RULES: [RegExp, string][] = [
  [/ies$/, 'y'],
  [/(ss|us|is)$/, '$1'],
  [/([^s])s$/, '$1'],
  [/ied$/, 'y'],
  [/(\w{3,})eed$/, '$1ee'],
  [/(\w{3,}?)(ed|ing)$/, '$1'],
  [/(\w{4,})(ly|ment|ness|ful|ation|ations)$/, '$1'],
  [/(\w{3,})e$/, '$1'],
];

const cache = new Map<string, string>();

/** A light suffix stripper (plural, -ed, -ing, -ly, -ness ...): "learning", "learned" and "learns" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word;
  for (const [re, to] of RULES) w = w.replace(re, to);
  w = w.replace(/(\w)\1$/, '$1');
  if (cache.size < 200_000) cache.set(word, w);
  return w;
}
