import { boosted, ContextWords } from './context-words.js';
import type { Finding, RecognizeContext, Recognizer } from './finding.js';

/** One regex of a {@link PatternRecognizer}, with its base score. */
export interface Pattern {
  name: string;
  regex: RegExp;
  score: number;
  /**
   * A cheap test the text must pass before the regex runs: a literal every
   * match contains (`includes`), a short regex, or a test on the shared context.
   */
  gate?: string | RegExp | ((text: string, ctx: RecognizeContext) => boolean);
  /**
   * The character before a match must not match this. It stands in for a
   * leading lookbehind, which would stop V8 from skipping quickly to where a
   * match can start.
   */
  notPrecededBy?: RegExp;
}

function passes(gate: Pattern['gate'], text: string, ctx: RecognizeContext): boolean {
  if (gate === undefined) return true;
  if (typeof gate === 'string') return text.includes(gate);
  return gate instanceof RegExp ? gate.test(text) : gate(text, ctx);
}

/** Checks a match: `false` drops it, a number lowers its score to that (never raises it), `true` keeps it. */
export type Validator = (value: string) => boolean | number;

export interface PatternRecognizerOptions {
  name: string;
  entity: string;
  patterns: Pattern[];
  context?: readonly string[];
  validate?: Validator;
  /** Group of the regex that holds the value (default the whole match). */
  group?: number;
}

/**
 * Presidio's `PatternRecognizer`: global regexes compiled once, an optional
 * validator (checksum) and context words that raise the score.
 */
export class PatternRecognizer implements Recognizer {
  readonly name: string;
  readonly entities: readonly string[];
  private readonly context: ContextWords;

  constructor(private readonly opts: PatternRecognizerOptions) {
    this.name = opts.name;
    this.entities = [opts.entity];
    this.context = new ContextWords(opts.context ?? []);
    for (const p of opts.patterns) if (!p.regex.global) throw new Error(`pattern ${p.name} of ${opts.name} must have the g flag`);
  }

  analyze(text: string, ctx: RecognizeContext): Finding[] {
    const out: Finding[] = [];
    const floor = ctx.threshold(this.opts.entity);
    let contextual: boolean | undefined;
    for (const p of this.opts.patterns) {
      if (!passes(p.gate, text, ctx)) continue;
      if (p.score < floor && !(contextual ??= this.context.anywhere(ctx.lower))) continue;
      const re = p.regex;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0] === '') re.lastIndex++;
        if (p.notPrecededBy && m.index > 0 && p.notPrecededBy.test(text[m.index - 1]!)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const value = this.opts.group ? m[this.opts.group] : m[0];
        if (!value) continue;
        const start = m.index + (this.opts.group ? m[0].indexOf(value) : 0);
        const end = start + value.length;
        let score = p.score;
        if (this.opts.validate) {
          const v = this.opts.validate(value);
          if (v === false) continue;
          if (typeof v === 'number') score = Math.min(score, v);
        }
        if (score < 1 && this.context.near(ctx.lower, start, end)) score = boosted(score);
        out.push({ entityType: this.opts.entity, start, end, score, recognizer: this.name });
      }
    }
    return out;
  }
}
