import { stem } from '../embed/builtin/stem.js';
import { ANTONYMS } from './lexicon.js';
import { textFacts, type TextFacts } from './text-facts.js';

/** Why a semantic candidate was refused, or `accepted`. Recorded as `cache_verdict`. */
export type Verdict =
  | 'accepted'
  | 'numbers'
  | 'dates'
  | 'negation'
  | 'programming_language'
  | 'output_constraints'
  | 'entities'
  | 'antonyms'
  | 'question_type'
  | 'specificity'
  | 'swapped'
  | 'substitution';

/** Words at least this rare (see word-weights) count as a substituted object; common ones (good/best) may be rewording. */
const SUBSTITUTION_WEIGHT = 0.7;

const STEMMED_ANTONYMS = ANTONYMS.map(([x, y]) => [stem(x), stem(y)] as const);

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Entities one side names that the other never mentions (as any word). */
function missingIn(a: TextFacts, b: TextFacts): boolean {
  for (const e of a.entities) if (!b.stems.has(e)) return true;
  return false;
}

/** One side adds an uncommon word to everything the other says ("LLC" / "series LLC"): a narrower question. */
function narrower(a: TextFacts, b: TextFacts): boolean {
  const as = new Set(a.content);
  const bs = new Set(b.content);
  const aExtra = [...as].filter((w) => !bs.has(w));
  const bExtra = [...bs].filter((w) => !as.has(w));
  if ((aExtra.length === 0) === (bExtra.length === 0)) return false;
  const extra = aExtra.length ? aExtra.map((w) => a.weights.get(w)!) : bExtra.map((w) => b.weights.get(w)!);
  return extra.some((w) => w >= SUBSTITUTION_WEIGHT);
}

/** The same words around the same relation, on swapped sides ("A faster than B" / "B faster than A"). */
function swapped(a: TextFacts, b: TextFacts): boolean {
  if (!a.relation || !b.relation || a.relation.word !== b.relation.word) return false;
  const meets = (x: Set<string>, y: Set<string>) => [...x].some((w) => y.has(w));
  const { left: la, right: ra } = a.relation;
  const { left: lb, right: rb } = b.relation;
  return meets(la, rb) && meets(ra, lb) && [...la].some((w) => !lb.has(w));
}

/** Everything the same but one uncommon word each ("singing teachers" / "guitar teachers"): a different object. */
function substituted(a: TextFacts, b: TextFacts): boolean {
  const as = new Set(a.content);
  const bs = new Set(b.content);
  const aExtra = [...as].filter((w) => !bs.has(w));
  const bExtra = [...bs].filter((w) => !as.has(w));
  if (aExtra.length !== 1 || bExtra.length !== 1 || as.size < 3) return false;
  return a.weights.get(aExtra[0]!)! >= SUBSTITUTION_WEIGHT && b.weights.get(bExtra[0]!)! >= SUBSTITUTION_WEIGHT;
}

function antonymSwap(a: TextFacts, b: TextFacts): boolean {
  for (const [x, y] of STEMMED_ANTONYMS) {
    const ax = a.stems.has(x), ay = a.stems.has(y), bx = b.stems.has(x), by = b.stems.has(y);
    if ((ax && !ay && by && !bx) || (ay && !ax && bx && !by)) return true;
  }
  return false;
}

/** The rules in the order they are applied; each returns true when the two texts differ in its respect. */
const RULES: [Exclude<Verdict, 'accepted'>, (q: TextFacts, c: TextFacts) => boolean][] = [
  ['numbers', (q, c) => !sameSet(q.numbers, c.numbers)],
  ['dates', (q, c) => !sameSet(q.dates, c.dates)],
  ['negation', (q, c) => q.negated !== c.negated],
  ['programming_language', (q, c) => !sameSet(q.programming, c.programming)],
  ['output_constraints', (q, c) => !sameSet(q.constraints, c.constraints)],
  ['entities', (q, c) => missingIn(q, c) || missingIn(c, q)],
  ['antonyms', antonymSwap],
  ['question_type', (q, c) => !sameSet(q.wh, c.wh)],
  ['specificity', narrower],
  ['swapped', swapped],
  ['substitution', substituted],
];

/**
 * Checks a semantic candidate against the query before it is served: two
 * questions that embed close together can still want different answers
 * ("capital of France" / "capital of Germany", "in Python" / "in Java", "in 3
 * bullets" / "in 5 bullets"). Each rule is cheap and conservative; the first
 * that differs names the verdict.
 */
export function verifyHit(query: string, candidate: string): Verdict {
  const q = textFacts(query);
  const c = textFacts(candidate);
  return RULES.find(([, differs]) => differs(q, c))?.[0] ?? 'accepted';
}

/** Every rule that refuses the pair (for measuring the rules one by one). */
export function failedRules(query: string, candidate: string): Verdict[] {
  const q = textFacts(query);
  const c = textFacts(candidate);
  return RULES.filter(([, differs]) => differs(q, c)).map(([v]) => v);
}
