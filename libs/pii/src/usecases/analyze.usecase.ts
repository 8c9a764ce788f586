import type { MessageInitShape } from '@bufbuild/protobuf';
import type { PiiAnalyzeReplySchema, PiiAnalyzeRequest } from '@helix/contracts';
import type { PiiEngine } from '../engine.js';
import { piiMetrics } from '../pii.metrics.js';

/** `helix.pii.analyze.v1` (Presidio's `/analyze`): findings with type, offsets and score. */
export class AnalyzeUseCase {
  constructor(private readonly engine: () => PiiEngine) {}

  execute(req: PiiAnalyzeRequest): MessageInitShape<typeof PiiAnalyzeReplySchema> {
    const started = performance.now();
    const findings = this.engine().analyzer.analyze(req.text, { entities: req.entities, scoreThreshold: req.scoreThreshold, allowList: req.allowList });
    piiMetrics.duration().observe({ operation: 'analyze' }, (performance.now() - started) / 1000);
    return { results: findings.map((f) => ({ entityType: f.entityType, start: f.start, end: f.end, score: Math.round(f.score * 100) / 100 })) };
  }
}
