import type { Tokens } from '../text/tokens.js';

/** One detected entity in a text: Presidio's `RecognizerResult`. Offsets are UTF-16 code units, end exclusive. */
export interface Finding {
  entityType: string;
  start: number;
  end: number;
  /** Confidence, 0..1, after context enhancement. */
  score: number;
  /** Name of the recognizer that found it. */
  recognizer: string;
}

/** What a recognizer may need beyond the text, each made once per text and only when asked for. */
export interface RecognizeContext {
  /** The text lower-cased, for context-word lookups. */
  readonly lower: string;
  /** The text's words, numbers and punctuation with their hashes (NER and address rules). */
  readonly tokens: Tokens;
  /** The lowest score a finding of `entityType` is reported with in this call (a recognizer may skip what cannot reach it). */
  threshold(entityType: string): number;
}

/**
 * A recognizer finds one or more entity types in a text. Everything it needs
 * (regexes, word lists) is compiled when it is constructed, never per call.
 */
export interface Recognizer {
  readonly name: string;
  readonly entities: readonly string[];
  analyze(text: string, ctx: RecognizeContext): Finding[];
}
