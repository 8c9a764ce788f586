import type { Finding, RecognizeContext, Recognizer } from '../../analyzer/finding.js';
import { Entities } from '../../entities.js';
import { gazetteer, type Gazetteer } from './gazetteer.js';
import { LOCATION_CUES, PERSON_CUES, TITLES } from './word-lists.js';

const CAP = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?";
const RUN = new RegExp(`(?<![\\p{L}\\p{M}\\d_@./-])${CAP}(?:[ \\t]+(?:(?:de|van|der|den|von|da|di|du|del|della|la|le|bin|al|el|dos|das|of|&)[ \\t]+)?${CAP})*`, 'gu');
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'his', 'her', 'their', 'its', 'i', 'we', 'you', 'he', 'she', 'they', 'it', 'dear', 'hi', 'hello', 'hey', 'thanks', 'on', 'in', 'at', 'for', 'and', 'or', 'but', 'if', 'when', 'what', 'where', 'who', 'why', 'how', 'please', 'can', 'could', 'would', 'should', 'will', 'is', 'are', 'was', 'not', 'no', 'yes', 'ok']);
const TITLE_SET = new Set(TITLES);
const SENTENCE_END = /(?:^|[.!?:;>\n"“(\[*•-]\s*|\n\s*)$/;

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Names of people, places, organizations and NRP without a statistical model:
 * runs of capitalized words, judged by packaged gazetteers (first/last names,
 * GeoNames cities, countries), closed word classes (titles, organization
 * suffixes, nationalities) and the words just before the run ("my name is",
 * "lives in"). Chosen over compromise after measuring both (bench/pii).
 */
export class NerRecognizer implements Recognizer {
  readonly name = 'ner';
  readonly entities = [Entities.person, Entities.location, Entities.organization, Entities.nrp];

  constructor(private readonly g: Gazetteer = gazetteer()) {}

  analyze(text: string, _ctx: RecognizeContext): Finding[] {
    const out: Finding[] = [];
    RUN.lastIndex = 0;
    for (const m of text.matchAll(RUN)) {
      const tokens = [...m[0].matchAll(/\S+/g)].map((t) => ({ text: t[0], start: m.index + t.index, end: m.index + t.index + t[0].length }));
      const found = this.judge(text, tokens);
      if (found) out.push(found);
    }
    return out;
  }

  private judge(text: string, all: Token[]): Finding | undefined {
    let tokens = all;
    let titled = false;
    while (tokens.length) {
      const w = bare(tokens[0]!.text).toLowerCase();
      if (TITLE_SET.has(w)) titled = true;
      else if (!FUNCTION_WORDS.has(w)) break;
      tokens = tokens.slice(1);
    }
    while (tokens.length && ['of', '&'].includes(tokens.at(-1)!.text)) tokens = tokens.slice(0, -1);
    if (!tokens.length) return undefined;
    const start = tokens[0]!.start;
    const last = tokens.at(-1)!;
    const end = last.end - (/(?:'s|’s|\.)$/.test(last.text) && !/^\p{Lu}\.$/u.test(last.text) ? (last.text.endsWith('.') ? 1 : 2) : 0);
    const words = tokens.map((t) => bare(t.text));
    const lower = words.map((w) => w.toLowerCase());
    const before = text.slice(Math.max(0, start - 24), start);
    const initial = SENTENCE_END.test(before) && !titled;
    const hit = (entityType: string, score: number): Finding => ({ entityType, start, end, score, recognizer: this.name });

    if (words.length <= 2 && lower.every((w) => this.g.nrp.has(w))) return hit(Entities.nrp, 0.7);
    if (words.length > 1 && (this.g.orgWords.has(lower.at(-1)!) || (this.g.orgWords.has(lower[0]!) && lower[1] === 'of'))) return hit(Entities.organization, 0.75);
    const names = words.filter((w) => this.g.names.has(w)).length;
    const common = lower.filter((w) => this.g.common.has(w)).length;
    const place = this.g.places.has(lower.join(' '));
    if (titled || (PERSON_CUES.test(before) && names > 0 && !place)) return hit(Entities.person, 0.85);
    if (LOCATION_CUES.test(before) && (place || names < words.length)) return hit(Entities.location, place ? 0.85 : 0.6);
    if (words.length >= 2 && names === words.length && common < words.length) return hit(Entities.person, 0.85);
    if (place && (names === 0 || common === 0)) return hit(Entities.location, names ? 0.55 : 0.7);
    if (names > 0 && common < words.length) return hit(Entities.person, initial && words.length === 1 ? 0.55 : 0.7);
    if (common === 0 && !initial && !isAcronym(words) && !lower.some((w) => this.g.vocabulary.has(w))) return hit(words.length > 1 ? Entities.organization : Entities.person, 0.5);
    return undefined;
  }
}

const bare = (w: string) => w.replace(/(?:'s|’s)$/, '').replace(/\.$/, '');
const isAcronym = (words: string[]) => words.every((w) => /^[\p{Lu}\d]{2,5}$/u.test(w));
