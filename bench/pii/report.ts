import { STRUCTURED } from './label-map.js';
import { scores, wilson, type Counts } from './scoring.js';

const pct = (x: number) => x.toFixed(3);

/** One markdown table: per entity P/R/F1 with counts, Wilson 95% intervals for classes under 100 gold items, for each side. */
export function entityTable(title: string, sides: { name: string; perType: Map<string, Counts>; overall: Counts }[]): string {
  const types = [...new Set(sides.flatMap((s) => [...s.perType.keys()]))].sort((a, b) => Number(STRUCTURED.includes(b)) - Number(STRUCTURED.includes(a)) || a.localeCompare(b));
  const head = `| entity | ${sides.map((s) => `${s.name} P | ${s.name} R | ${s.name} F1 | ${s.name} tp/fp/fn`).join(' | ')} |`;
  const sep = `|---|${sides.map(() => '---|---|---|---').join('|')}|`;
  const line = (label: string, get: (s: (typeof sides)[number]) => Counts | undefined) =>
    `| ${label} | ${sides
      .map((s) => {
        const c = get(s);
        if (!c) return '– | – | – | –';
        const sc = scores(c);
        const n = c.tp + c.fn;
        const ci = n > 0 && n < 100 ? ` (${pct(wilson(c.tp, n)[0])}–${pct(wilson(c.tp, n)[1])})` : '';
        return `${pct(sc.precision)} | ${pct(sc.recall)}${ci} | ${pct(sc.f1)} | ${c.tp}/${c.fp}/${c.fn}`;
      })
      .join(' | ')} |`;
  return [`**${title}**`, '', head, sep, ...types.map((t) => line(t, (s) => s.perType.get(t))), line('**overall (micro)**', (s) => s.overall)].join('\n');
}
