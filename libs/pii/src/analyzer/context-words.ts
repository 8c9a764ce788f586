/** Presidio's context enhancement: a context word near a finding raises its score by this much... */
export const CONTEXT_BOOST = 0.35;
/** ...to at least this. */
export const MIN_SCORE_WITH_CONTEXT = 0.4;
/** How far before a finding a context word counts, in characters (Presidio: 5 words). */
export const CONTEXT_WINDOW = 48;

/** A compiled set of context words: `near(lower, start, end)` tells whether one occurs just before (or after) a span. */
export class ContextWords {
  private readonly re: RegExp | undefined;
  private readonly any: RegExp | undefined;

  constructor(words: readonly string[]) {
    const alts = [...new Set(words.map((w) => w.toLowerCase().trim()).filter(Boolean))].map(escapeRegex).sort((a, b) => b.length - a.length);
    this.re = alts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}])`, 'u') : undefined;
    this.any = alts.length ? new RegExp(`(?:${alts.join('|')})`) : undefined;
  }

  /** Whether any context word occurs in the (lower-cased) text at all: a cheap test before patterns that need one. */
  anywhere(lower: string): boolean {
    return this.any?.test(lower) ?? false;
  }

  get empty(): boolean {
    return this.re === undefined;
  }

  near(lower: string, start: number, end: number, window = CONTEXT_WINDOW): boolean {
    if (!this.re) return false;
    return this.re.test(lower.slice(Math.max(0, start - window), start)) || this.re.test(lower.slice(end, end + 16));
  }
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The score after context: Presidio raises a contextual finding by {@link CONTEXT_BOOST}, to at least {@link MIN_SCORE_WITH_CONTEXT}. */
export function boosted(score: number): number {
  return Math.min(1, Math.max(MIN_SCORE_WITH_CONTEXT, score + CONTEXT_BOOST));
}
