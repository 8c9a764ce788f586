import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LABEL_MAP } from './label-map.js';

export interface GoldSpan {
  start: number;
  end: number;
  /** Helix type. */
  type: string;
}

export interface Row {
  id: string;
  source: string;
  text: string;
  spans: GoldSpan[];
  /** Helix types the row is fully labelled for; undefined = all. */
  scope?: Set<string>;
  /** Gold spans left out: weak (`presidio_score_range` < 0.5) or of an unsupported type. */
  ignored: { start: number; end: number }[];
}

interface RawSpan {
  start: number;
  end: number;
  type: string;
  presidio_score_range?: [number, number];
}

/**
 * Reads the JSONL (`text`, `spans`, `scope`), maps types through LABEL_MAP, drops
 * deliberately weak spans and unsupported types (kept as "ignored" regions, so a
 * detection there is neither right nor wrong).
 */
export function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const r = JSON.parse(line) as { id: string; source: string; text: string; spans: RawSpan[]; scope: 'all' | string[] };
      const spans: GoldSpan[] = [];
      const ignored: Row['ignored'] = [];
      for (const s of r.spans) {
        const t = LABEL_MAP[s.type];
        const weak = s.presidio_score_range && s.presidio_score_range[1] < 0.5;
        if (!t || weak) ignored.push({ start: s.start, end: s.end });
        else spans.push({ start: s.start, end: s.end, type: t });
      }
      const scope = r.scope === 'all' ? undefined : new Set(r.scope.map((t) => LABEL_MAP[t]).filter((t): t is string => !!t));
      return { id: r.id, source: r.source, text: r.text, spans, scope, ignored };
    });
}

/** The held-out split: half the rows by a hash of their id. Rules were tuned on `tune` only; figures are reported on `report`. */
export function split(row: Row): 'tune' | 'report' {
  return createHash('sha256').update(row.id).digest()[0]! % 2 === 0 ? 'tune' : 'report';
}

export function unsupportedTypes(): string[] {
  return Object.entries(LABEL_MAP).filter(([, v]) => v === null).map(([k]) => k);
}
