import type { MessageInitShape } from '@bufbuild/protobuf';
import { PiiDirection, type EntityCount, type PiiRedactReplySchema, type PiiRedactRequest } from '@helix/contracts';
import { anonymize } from '../anonymize/anonymize.js';
import { Placeholders } from '../anonymize/placeholders.js';
import { detectedEvent, type AuditFinding, type AuditSink } from '../audit/audit.js';
import type { PiiEngine } from '../engine.js';
import { piiMetrics } from '../pii.metrics.js';

export type RedactReply = MessageInitShape<typeof PiiRedactReplySchema>;

/**
 * `helix.pii.redact.v1`: analyzes every text segment of a request under its
 * tenant's policy and anonymizes what it finds. Placeholders are numbered per
 * type in order of appearance and reuse `known` ones (an answer scanned after
 * its prompt). A `block` finding refuses the whole request, naming types only.
 * Every detection is audited without its value.
 */
export class RedactUseCase {
  constructor(
    private readonly engine: () => PiiEngine,
    private readonly audit: AuditSink,
    private readonly now: () => number = Date.now,
  ) {}

  execute(req: PiiRedactRequest): RedactReply {
    const started = performance.now();
    const { analyzer, policies, crypto } = this.engine();
    const policy = policies.for(req.tenant);
    const direction = req.direction === PiiDirection.OUTPUT ? PiiDirection.OUTPUT : PiiDirection.INPUT;
    const dir = direction === PiiDirection.OUTPUT ? 'output' : 'input';
    const found = req.segments.map((s) => analyzer.analyze(s.text, { entities: policy.entities }));
    const findings: AuditFinding[] = found.flatMap((fs, i) =>
      fs.map((f) => ({ entityType: f.entityType, path: req.segments[i]!.path, start: f.start, end: f.end, score: f.score, operator: policy.operatorOf(f.entityType).operator })),
    );
    const counts = countBy(findings);
    const blockedEntities = [...new Set(findings.filter((f) => f.operator === 'block').map((f) => f.entityType))];
    const blocked = blockedEntities.length > 0;
    for (const c of counts) piiMetrics.detections().inc({ entity: c.entityType, action: c.operator, direction: dir }, c.count);
    if (blocked) piiMetrics.blocked().inc({ direction: dir });
    if (findings.length) this.audit.publish(detectedEvent({ requestId: req.requestId, tenant: req.tenant, direction, findings, counts, blocked, now: this.now() }));
    const reply: RedactReply = { blocked, blockedEntities, detections: counts, restore: policy.restore, scanOutput: policy.scanOutput };
    if (!blocked) {
      const placeholders = new Placeholders(req.known);
      const ctx = { placeholders, crypto, tenantKey: req.tenant?.orgId ?? '' };
      reply.segments = req.segments.map((s, i) => ({ path: s.path, text: found[i]!.length ? anonymize(s.text, found[i]!, policy.operatorOf, ctx).text : s.text }));
      reply.replacements = placeholders.added;
    }
    piiMetrics.duration().observe({ operation: `redact_${dir}` }, (performance.now() - started) / 1000);
    return reply;
  }
}

function countBy(findings: AuditFinding[]): EntityCount[] {
  const m = new Map<string, EntityCount>();
  for (const f of findings) {
    const k = `${f.entityType}\u0000${f.operator}`;
    const c = m.get(k) ?? m.set(k, { $typeName: 'helix.v1.EntityCount', entityType: f.entityType, operator: f.operator, count: 0 }).get(k)!;
    c.count++;
  }
  return [...m.values()];
}
