import type { RecognizeContext } from '../analyzer/finding.js';
import { Tokens } from './tokens.js';

const scratch = new Tokens();

/**
 * The per-call view of a text that recognizers share: its lower-case form and
 * its tokens, each made at most once and only when a recognizer asks. Tokens
 * live in one reused buffer, so a context is valid until the next one reads
 * its tokens (analysis is synchronous, one text at a time).
 */
export class TextContext implements RecognizeContext {
  private lc: string | undefined;
  private tk: Tokens | undefined;

  constructor(
    readonly text: string,
    /** The lowest score reported per entity type; 0 (report everything) when not given. */
    readonly threshold: (entityType: string) => number = () => 0,
  ) {}

  get lower(): string {
    return (this.lc ??= this.text.toLowerCase());
  }

  get tokens(): Tokens {
    return (this.tk ??= scratch.read(this.text));
  }
}
