import { normalise } from '../embed/builtin/normalise.js';
import { stem } from '../embed/builtin/stem.js';
import { STOPWORDS, wordWeights } from '../embed/builtin/word-weights.js';
import { CONSTRAINTS, countryWords, dateWord, NEGATIONS, numberWord, PROGRAMMING } from './lexicon.js';

/** What the verifier compares between a query and a candidate. */
export interface TextFacts {
  /** Stems of every word, for "does the other text mention it" checks. */
  stems: Set<string>;
  numbers: Set<string>;
  dates: Set<string>;
  negated: boolean;
  programming: Set<string>;
  constraints: Set<string>;
  /** Names: capitalised inside a sentence, mixed case or letters with digits, countries, or words no English list knows. */
  entities: Set<string>;
}

const TOKEN = /[A-Za-z0-9][\w.+#'-]*[\w+#]|[A-Za-z0-9]/g;

export function textFacts(text: string): TextFacts {
  const f: TextFacts = { stems: new Set(), numbers: new Set(), dates: new Set(), negated: false, programming: new Set(), constraints: new Set(), entities: new Set() };
  const known = wordWeights();
  const countries = countryWords();
  for (const w of normalise(text).split(' ')) if (w) f.stems.add(stem(w));
  const sentenceStart = new Set<number>([0]);
  for (const m of text.matchAll(/[.!?:;\n]\s*/g)) sentenceStart.add(m.index + m[0].length);
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].replace(/'s$/i, '');
    const w = raw.toLowerCase();
    for (const n of raw.match(/\d+(?:[.,]\d+)*/g) ?? []) f.numbers.add(n.replace(/,(?=\d{3}\b)/g, '').replace(/\.0+$/, ''));
    const nw = numberWord(w);
    if (nw) f.numbers.add(nw);
    const d = dateWord(w, raw);
    if (d) f.dates.add(d);
    if (NEGATIONS.has(w) || w.endsWith("n't")) f.negated = true;
    const lang = PROGRAMMING[w];
    if (lang && (w !== 'c' || raw === 'C')) f.programming.add(lang);
    const c = CONSTRAINTS[w];
    if (c) f.constraints.add(c);
    if (STOPWORDS.has(w) || nw || d || lang) continue;
    const capitalised = /^[A-Z]/.test(raw) && !sentenceStart.has(m.index);
    const odd = /[a-z][A-Z]|[A-Z]{2,}|[A-Za-z]\d|\d[A-Za-z]/.test(raw);
    const unknown = /^[a-z]+$/.test(w) && w.length > 2 && !known.has(w) && !known.has(stem(w));
    if (capitalised || odd || countries.has(w) || unknown) f.entities.add(stem(w));
  }
  if (/\bgo\s?lang\b|\bin go\b|\bgo (?:code|program|language)\b/i.test(text)) f.programming.add('go');
  if (/\bin R\b|\bR (?:code|language|script|package)\b/.test(text)) f.programming.add('r');
  if (/\bstep[- ]by[- ]step\b/i.test(text)) f.constraints.add('steps');
  if (/\bin (?:simple|plain|layman'?s?) (?:terms|words|english)\b|\blike i'?m (?:five|5)\b/i.test(text)) f.constraints.add('simple');
  return f;
}
