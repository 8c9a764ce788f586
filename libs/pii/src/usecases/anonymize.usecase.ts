import type { MessageInitShape } from '@bufbuild/protobuf';
import { Errors, type PiiAnonymizeReplySchema, type PiiAnonymizeRequest, type PiiOperatorSpec } from '@helix/contracts';
import type { Finding } from '../analyzer/finding.js';
import { resolveOverlaps } from '../analyzer/overlaps.js';
import { anonymize } from '../anonymize/anonymize.js';
import type { OperatorSpec } from '../anonymize/operators.js';
import { Placeholders } from '../anonymize/placeholders.js';
import type { PiiEngine } from '../engine.js';

const TYPES = new Set(['replace', 'mask', 'hash', 'redact', 'encrypt', 'keep']);

/**
 * `helix.pii.anonymize.v1` (Presidio's `/anonymize`): applies the given
 * operators to the given analyzer results. As in Presidio, `replace` without a
 * `new_value` writes `<ENTITY_TYPE>`, and `DEFAULT` covers unlisted types.
 */
export class AnonymizeUseCase {
  constructor(private readonly engine: () => PiiEngine) {}

  execute(req: PiiAnonymizeRequest): MessageInitShape<typeof PiiAnonymizeReplySchema> {
    const findings: Finding[] = req.analyzerResults.map((r, i) => {
      if (r.start >= r.end || r.end > req.text.length) throw Errors.badRequest(`analyzer_results[${i}] has start/end outside the text`, `analyzer_results.${i}`);
      return { entityType: r.entityType, start: r.start, end: r.end, score: r.score, recognizer: 'request' };
    });
    for (const [entity, spec] of Object.entries(req.anonymizers)) {
      if (!TYPES.has(spec.type)) throw Errors.badRequest(`anonymizers.${entity}.type must be one of ${[...TYPES].join(', ')}`, `anonymizers.${entity}.type`);
    }
    const specOf = (t: string): OperatorSpec => toSpec(t, req.anonymizers[t] ?? req.anonymizers.DEFAULT);
    const ctx = { placeholders: new Placeholders(), crypto: this.engine().crypto, tenantKey: req.tenant?.orgId ?? '' };
    const out = anonymize(req.text, resolveOverlaps(findings), specOf, ctx);
    return { text: out.text, items: out.items };
  }
}

function toSpec(entityType: string, s: PiiOperatorSpec | undefined): OperatorSpec {
  if (!s) return { operator: 'replace', newValue: `<${entityType}>` };
  const operator = s.type as OperatorSpec['operator'];
  if (operator === 'replace') return { operator, newValue: s.newValue || `<${entityType}>` };
  return { operator, maskChar: s.maskingChar || undefined, charsToMask: s.charsToMask, fromEnd: s.fromEnd };
}
