import { parser } from '@prometheus-io/lezer-promql';

/** What one PromQL expression reads: each selector's metric and matcher labels, and the labels it groups or matches by. */
/** An equality or regex label matcher of a selector. */
export interface Match {
  label: string;
  op: '=' | '=~';
  value: string;
}

export interface QueryUse {
  selectors: { metric: string; labels: string[]; matches: Match[] }[];
  grouping: string[];
}

/** Grafana's macros and template variables, replaced so a dashboard query parses as PromQL. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(rate_interval|interval|range)\b/g, '5m').replace(/\$\{?\w+\}?/g, 'x');
}

/** Parses with Prometheus's own grammar; a syntax error throws. */
export function queryUse(expr: string): QueryUse {
  const tree = parser.parse(expr);
  const text = (from: number, to: number) => expr.slice(from, to);
  const use: QueryUse = { selectors: [], grouping: [] };
  let error: number | undefined;
  tree.iterate({
    enter(n) {
      if (n.type.isError) error ??= n.from;
      if (n.name === 'VectorSelector') {
        const id = n.node.getChild('Identifier');
        const matchers = n.node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? [];
        const labels = matchers.map((m) => text(m.getChild('LabelName')!.from, m.getChild('LabelName')!.to));
        const matches = matchers.flatMap((m, i): Match[] => {
          const op = m.getChild('MatchOp')?.firstChild?.name;
          const literal = m.getChild('StringLiteral')!;
          const value = JSON.parse(text(literal.from, literal.to).replace(/^'|'$/g, '"')) as string;
          const kind = op === 'EqlSingle' ? '=' : op === 'EqlRegex' ? '=~' : undefined;
          return kind ? [{ label: labels[i]!, op: kind, value }] : [];
        });
        if (id) use.selectors.push({ metric: text(id.from, id.to), labels, matches });
      }
      if (n.name === 'GroupingLabels') use.grouping.push(...n.node.getChildren('LabelName').map((l) => text(l.from, l.to)));
    },
  });
  if (error !== undefined) throw new Error(`PromQL syntax error at ${error}: ${expr}`);
  return use;
}

/** A Prometheus text scrape: metric families (from # TYPE), the label names seen on each sample name, and each label's values. */
export interface Scrape {
  families: Set<string>;
  labels: Map<string, Set<string>>;
  values: Map<string, Set<string>>;
}

const valueKey = (metric: string, label: string) => `${metric}\u0000${label}`;

export function parseScrape(body: string, into: Scrape = { families: new Set(), labels: new Map(), values: new Map() }): Scrape {
  for (const line of body.split('\n')) {
    const type = /^# TYPE (\S+) /.exec(line);
    if (type) into.families.add(type[1]!);
    const sample = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? /.exec(line);
    if (!sample) continue;
    const seen = into.labels.get(sample[1]!) ?? new Set<string>();
    for (const m of (sample[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      seen.add(m[1]!);
      const key = valueKey(sample[1]!, m[1]!);
      into.values.set(key, (into.values.get(key) ?? new Set()).add(m[2]!));
    }
    into.labels.set(sample[1]!, seen);
  }
  return into;
}

/** Labels Prometheus adds to every series at scrape time. */
const TARGET_LABELS = new Set(['job', 'instance']);
/** Series Prometheus makes itself, not any /metrics. */
const PROMETHEUS_SERIES = new Set(['up']);

const family = (name: string) => name.replace(/_(bucket|sum|count)$/, '');

/** What in a query the scrape does not have: unknown metrics, and matcher or grouping labels no sample of its metrics carries. */
export function missingFrom(scrape: Scrape, use: QueryUse): string[] {
  const missing: string[] = [];
  const labelsOf = (metric: string) => scrape.labels.get(metric);
  const known = (metric: string) => PROMETHEUS_SERIES.has(metric) || scrape.labels.has(metric) || scrape.families.has(family(metric));
  for (const s of use.selectors) {
    if (!known(s.metric)) {
      missing.push(s.metric);
      continue;
    }
    const seen = labelsOf(s.metric);
    if (!seen || PROMETHEUS_SERIES.has(s.metric)) continue;
    for (const l of s.labels) if (!TARGET_LABELS.has(l) && !seen.has(l)) missing.push(`${s.metric}{${l}}`);
    for (const m of s.matches) {
      const values = scrape.values.get(valueKey(s.metric, m.label));
      if (!values || TARGET_LABELS.has(m.label)) continue;
      const hit = m.op === '=' ? values.has(m.value) : [...values].some((v) => new RegExp(`^(?:${m.value})$`).test(v));
      if (!hit) missing.push(`${s.metric}{${m.label}${m.op}"${m.value}"}`);
    }
  }
  const sampled = use.selectors.map((s) => labelsOf(s.metric)).filter((l): l is Set<string> => !!l && l.size > 0);
  if (sampled.length === use.selectors.length && sampled.length > 0) {
    for (const l of use.grouping) if (!TARGET_LABELS.has(l) && !sampled.some((set) => set.has(l))) missing.push(`by (${l})`);
  }
  return missing;
}
