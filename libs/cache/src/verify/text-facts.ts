import { normalise } from '../embed/builtin/normalise.js';
import { stem } from '../embed/builtin/stem.js';
import { STOPWORDS, weightOf, wordWeights } from '../embed/builtin/word-weights.js';
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
  /** Who / where / when leading a sentence. */
  wh: Set<string>;
  /** Stems of content words (not stopwords), in order. */
  content: string[];
  /** Rarity weight of each content stem (its word's weight). */
  weights: Map<string, number>;
  /** The first relation word (than, vs, against, like ...) and the content stems on each side of it. */
  relation?: { word: string; left: Set<string>; right: Set<string> };
}

const RELATIONS = new Set(['than', 'vs', 'versus', 'against', 'like', 'to', 'from', 'into', 'over', 'beat', 'beats']);

/** Question words that ask for a different kind of answer (a person, a place, a time) when they lead a question. */
const WH: Readonly<Record<string, string>> = { who: 'who', whom: 'who', whose: 'who', where: 'where', when: 'when' };
const PRONOUNS = new Set('i me my mine myself we us our you your yours yourself he him his she her they them their one'.split(' '));

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}_.+#']*[\p{L}\p{N}_+#]|[\p{L}\p{N}]/gu;

export function textFacts(text: string): TextFacts {
  const f: TextFacts = { stems: new Set(), numbers: new Set(), dates: new Set(), negated: false, programming: new Set(), constraints: new Set(), entities: new Set(), wh: new Set(), content: [], weights: new Map() };
  const known = wordWeights();
  const countries = countryWords();
  for (const w of normalise(text).split(' ')) {
    if (!w) continue;
    if (RELATIONS.has(w) && !f.relation && f.content.length) f.relation = { word: w, left: new Set(f.content), right: new Set() };
    else if (f.relation && !STOPWORDS.has(w)) f.relation.right.add(stem(w));
    f.stems.add(stem(w));
    if (STOPWORDS.has(w) || PRONOUNS.has(w)) continue;
    f.content.push(stem(w));
    f.weights.set(stem(w), weightOf(w));
  }
  const sentenceStart = new Set<number>([0]);
  for (const m of text.matchAll(/[.!?:;\n]\s*/g)) sentenceStart.add(m.index + m[0].length);
  for (const m of text.matchAll(/(?:^|[.!?]\s+)(who|whom|whose|where|when)\b/gi)) f.wh.add(WH[m[1]!.toLowerCase()]!);
  const listMarkers = new Set([...text.matchAll(/(?:^|\n)\s*(\d+)[.)]\s/g)].map((m) => m.index + m[0].indexOf(m[1]!)));
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].replace(/'s$/i, '');
    const w = raw.toLowerCase();
    if (!listMarkers.has(m.index)) for (const n of raw.match(/\d+(?:[.,]\d+)*/g) ?? []) f.numbers.add(n.replace(/,(?=\d{3}\b)/g, '').replace(/\.0+$/, ''));
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
    const capitalised = /^\p{Lu}/u.test(raw) && !sentenceStart.has(m.index);
    const odd = /\p{Ll}\p{Lu}|\p{Lu}{2,}|\p{L}\d|\d\p{L}/u.test(raw);
    const foreign = /[^\x00-\x7f]/.test(w);
    const unknown = (foreign || (/^[a-z]+$/.test(w) && w.length > 4)) && !known.has(w) && !known.has(stem(w)) && !known.has(w.replace(/(s|es|ed|ing|d)$/, ''));
    if (capitalised || odd || countries.has(w) || unknown) f.entities.add(stem(w));
  }
  if (/\bgo\s?lang\b|\bin go\b|\bgo (?:code|program|language)\b/i.test(text)) f.programming.add('go');
  if (/\bin R\b|\bR (?:code|language|script|package)\b/.test(text)) f.programming.add('r');
  if (/\bstep[- ]by[- ]step\b/i.test(text)) f.constraints.add('steps');
  if (/\bin (?:simple|plain|layman'?s?) (?:terms|words|english)\b|\blike i'?m (?:five|5)\b/i.test(text)) f.constraints.add('simple');
  return f;
}
