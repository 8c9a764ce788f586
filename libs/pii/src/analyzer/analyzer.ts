import { PLACEHOLDER } from '../restore/placeholder.js';
import type { Finding, Recognizer } from './finding.js';
import { resolveOverlaps } from './overlaps.js';
import { TextContext } from '../text/text-context.js';

/** What one analysis looks for. */
export interface AnalyzeOptions {
  /** Entity types to report; empty or absent = all. */
  entities?: readonly string[];
  /** Minimum score for every type (overrides the configured thresholds when set, as Presidio's `score_threshold`). */
  scoreThreshold?: number;
  /** Extra values to ignore for this call (Presidio's `allow_list`). */
  allowList?: readonly string[];
}

export interface AnalyzerSettings {
  recognizers: readonly Recognizer[];
  defaultThreshold: number;
  thresholds: ReadonlyMap<string, number>;
  /** Lower-cased values never reported. */
  allowList: ReadonlySet<string>;
}

/**
 * Presidio's `AnalyzerEngine`: runs every recognizer that can find a wanted type,
 * keeps findings over their type's threshold that are not allow-listed or inside
 * an existing placeholder, and resolves overlaps. Stateless and synchronous.
 */
export class Analyzer {
  constructor(private readonly settings: AnalyzerSettings) {}

  get entities(): string[] {
    return [...new Set(this.settings.recognizers.flatMap((r) => r.entities))];
  }

  analyze(text: string, opts: AnalyzeOptions = {}): Finding[] {
    if (!text) return [];
    const wanted = opts.entities?.length ? new Set(opts.entities) : undefined;
    const threshold = (t: string) => opts.scoreThreshold ?? this.settings.thresholds.get(t) ?? this.settings.defaultThreshold;
    const ctx = new TextContext(text, threshold);
    const placeholders = text.indexOf('<') === -1 ? [] : [...text.matchAll(PLACEHOLDER)].map((m) => [m.index, m.index + m[0].length] as const);
    const extraAllow = opts.allowList?.length ? new Set(opts.allowList.map((v) => v.toLowerCase())) : undefined;
    const all: Finding[] = [];
    for (const r of this.settings.recognizers) {
      if (wanted && !r.entities.some((e) => wanted.has(e))) continue;
      for (const f of r.analyze(text, ctx)) {
        if (wanted && !wanted.has(f.entityType)) continue;
        if (f.score < threshold(f.entityType)) continue;
        if (placeholders.some(([s, e]) => f.start < e && s < f.end)) continue;
        const value = ctx.lower.slice(f.start, f.end);
        if (this.settings.allowList.has(value) || extraAllow?.has(value)) continue;
        all.push(f);
      }
    }
    return resolveOverlaps(all);
  }
}
