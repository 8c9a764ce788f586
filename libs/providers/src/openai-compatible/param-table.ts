/**
 * How one OpenAI request parameter travels upstream (Portkey's idea: mapping as data).
 * Applied in this order: `drop`, `transform`, `min`/`max` clamp, rename to `param`.
 */
export interface ParamRule {
  /** Upstream name, when it differs. */
  param?: string;
  /** Sent when the client did not set the parameter. */
  default?: unknown;
  /** Lower clamp for numbers. */
  min?: number;
  /** Upper clamp for numbers. */
  max?: number;
  /** Rewrites the value; returning `undefined` omits the parameter. */
  transform?: (value: unknown, req: Record<string, unknown>) => unknown;
  /** The upstream does not take it: removed and reported in `dropped`. */
  drop?: boolean;
}

/** Rules by OpenAI parameter name. */
export type ParamTable = Readonly<Record<string, ParamRule>>;

export interface ParamMapping {
  table: ParamTable;
  /** What happens to parameters the table does not name: `pass` (OpenAI-compatible default) or `drop`. */
  unknown: 'pass' | 'drop';
  /** Set by the adapter itself (`model`, `stream`, ...): skipped here. */
  reserved?: ReadonlySet<string>;
}

/** Maps a request's parameters through the table; `dropped` names what the upstream will not see. */
export function mapParams(req: Record<string, unknown>, mapping: ParamMapping): { body: Record<string, unknown>; dropped: string[] } {
  const body: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const key in req) {
    const value = req[key];
    if (value === undefined || mapping.reserved?.has(key)) continue;
    const rule = mapping.table[key];
    if (!rule) {
      if (mapping.unknown === 'pass') body[key] = value;
      else dropped.push(key);
      continue;
    }
    if (rule.drop) {
      dropped.push(key);
      continue;
    }
    const mapped = applyRule(rule, value, req);
    if (mapped !== undefined) body[rule.param ?? key] = mapped;
  }
  for (const key in mapping.table) {
    const rule = mapping.table[key];
    if (rule.default !== undefined && req[key] === undefined && !rule.drop) body[rule.param ?? key] ??= rule.default;
  }
  return { body, dropped };
}

function applyRule(rule: ParamRule, value: unknown, req: Record<string, unknown>): unknown {
  const v = rule.transform ? rule.transform(value, req) : value;
  if (typeof v !== 'number') return v;
  if (rule.min !== undefined && v < rule.min) return rule.min;
  if (rule.max !== undefined && v > rule.max) return rule.max;
  return v;
}
