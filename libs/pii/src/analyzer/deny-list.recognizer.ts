import { escapeRegex } from './context-words.js';
import type { Finding, Recognizer } from './finding.js';

/** Presidio's deny list: listed values, as whole words and case-insensitive, always reported with score 1. */
export class DenyListRecognizer implements Recognizer {
  readonly name: string;
  readonly entities: readonly string[];
  private readonly re: RegExp;

  constructor(entity: string, values: readonly string[]) {
    this.name = `deny-list:${entity}`;
    this.entities = [entity];
    const alts = [...new Set(values)].sort((a, b) => b.length - a.length).map(escapeRegex);
    this.re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  }

  analyze(text: string): Finding[] {
    return [...text.matchAll(this.re)].map((m) => ({ entityType: this.entities[0]!, start: m.index, end: m.index + m[0].length, score: 1, recognizer: this.name }));
  }
}
