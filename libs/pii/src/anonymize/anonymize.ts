import type { Finding } from '../analyzer/finding.js';
import { applyOperator, type OperatorContext, type OperatorSpec } from './operators.js';

/** One anonymized span of the output text (Presidio's `OperatorResult`): offsets in the new text. */
export interface AnonymizedItem {
  start: number;
  end: number;
  entityType: string;
  text: string;
  operator: string;
}

/**
 * Presidio's `AnonymizerEngine.anonymize`: replaces each finding (non-overlapping,
 * sorted by start) by its operator's output, left to right, and says where each
 * replacement sits in the new text.
 */
export function anonymize(text: string, findings: readonly Finding[], specOf: (entityType: string) => OperatorSpec, ctx: OperatorContext): { text: string; items: AnonymizedItem[] } {
  let out = '';
  let at = 0;
  const items: AnonymizedItem[] = [];
  for (const f of findings) {
    if (f.start < at) continue;
    const spec = specOf(f.entityType);
    const replacement = applyOperator(spec, f.entityType, text.slice(f.start, f.end), ctx);
    out += text.slice(at, f.start);
    items.push({ start: out.length, end: out.length + replacement.length, entityType: f.entityType, text: replacement, operator: spec.operator });
    out += replacement;
    at = f.end;
  }
  return { text: out + text.slice(at), items };
}
