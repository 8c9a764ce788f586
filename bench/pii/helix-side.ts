import { PiiConfig } from '@helix/config';
import { buildAnalyzer } from '@helix/pii';
import type { Row } from './dataset.js';
import type { Predicted } from './scoring.js';

/** Helix's analyzer with the default config, as the pii-service builds it. */
export function helixAnalyzer() {
  const t0 = performance.now();
  const analyzer = buildAnalyzer(new PiiConfig());
  analyzer.analyze('warm up: Ada Lovelace, ada@example.com, +44 20 7946 0958');
  return { analyzer, loadMs: performance.now() - t0 };
}

export function helixPredictions(rows: Row[]): { preds: Predicted[][]; msPerRow: number } {
  const { analyzer } = helixAnalyzer();
  const t0 = performance.now();
  const preds = rows.map((r) => analyzer.analyze(r.text).map((f) => ({ start: f.start, end: f.end, type: f.entityType })));
  return { preds, msPerRow: (performance.now() - t0) / rows.length };
}
