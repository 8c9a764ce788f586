/**
 * `npm run bench:pii -- --data <jsonl> [--split report|tune|all] [--no-peer] [--write]`
 * Quality (two scorings) and speed of Helix's PII detection, with Presidio as the peer
 * on the same rows in the same run. `--write` puts the result under `## PII` in docs/benchmarks.md,
 * followed by the hand-written notes of bench/pii/notes.md (what the figures mean, what is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { readRows, split, unsupportedTypes } from './dataset.js';
import { helixAnalyzer } from './helix-side.js';
import { LABEL_MAP } from './label-map.js';
import { percentile, prompts, throughput, timeEach } from './latency.js';
import { runPresidio } from './peer.js';
import { entityTable } from './report.js';
import { cleanRowFpRate, scores, spanScores, tokenScores, type Predicted } from './scoring.js';
import { writeSection } from './write-doc.js';

const { values: args } = parseArgs({ options: { data: { type: 'string', default: '/work/shared/data/pii-samples.jsonl' }, split: { type: 'string', default: 'report' }, 'no-peer': { type: 'boolean', default: false }, write: { type: 'boolean', default: false } } });
const all = readRows(args.data!);
const rows = args.split === 'all' ? all : all.filter((r) => split(r) === args.split);
const texts = rows.map((r) => r.text);
const sizes = { '200B': 200, '2KB': 2048, '8KB': 8192 } as const;
const latencyPrompts = Object.fromEntries(Object.entries(sizes).map(([k, b]) => [k, prompts(texts, b, k === '8KB' ? 100 : 300)]));

const { analyzer, loadMs } = helixAnalyzer();
const t0 = performance.now();
const helix: Predicted[][] = rows.map((r) => analyzer.analyze(r.text).map((f) => ({ start: f.start, end: f.end, type: f.entityType })));
const helixMsPerRow = (performance.now() - t0) / rows.length;
const helixLatency = Object.fromEntries(Object.entries(latencyPrompts).map(([k, ps]) => [k, timeEach(analyzer, ps)]));
const helixBest = Object.fromEntries(Object.entries(latencyPrompts).map(([k, ps]) => [k, timeEach(analyzer, ps, 5)]));
const perSecond = throughput(analyzer, latencyPrompts['2KB']!, 3);
const cleanPerSecond = throughput(analyzer, prompts(rows.filter((r) => !r.spans.length && !r.ignored.length).map((r) => r.text), 2048, 300), 2);
const peer = args['no-peer'] ? ({ ok: false, why: '--no-peer' } as const) : runPresidio(texts, latencyPrompts);

const sides = (score: typeof tokenScores, subset: (s: string) => boolean) => {
  const idx = rows.map((r, i) => (subset(r.source) ? i : -1)).filter((i) => i >= 0);
  const pick = <T>(xs: T[]) => idx.map((i) => xs[i]!);
  const out = [{ name: 'Helix', ...score(pick(rows), pick(helix)) }];
  if (peer.ok) out.push({ name: 'Presidio', ...score(pick(rows), pick(peer.preds)) });
  return out;
};
const synth = (s: string) => s.startsWith('presidio-research');
const f1 = (s: ReturnType<typeof sides>) => s.map((x) => `${x.name} ${scores(x.overall).f1.toFixed(3)}`).join(', ');
const fp = (p: Predicted[][]) => cleanRowFpRate(rows, p);
const lat = (ms: Record<string, number[]>) => Object.keys(sizes).map((k) => `${k}: p50 ${percentile(ms[k]!, 50).toFixed(2)} ms, p99 ${percentile(ms[k]!, 99).toFixed(2)} ms`).join('; ');

const tokenSynth = sides(tokenScores, synth);
const out = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Command: \`npm run bench:pii -- --data ${args.data} --split ${args.split}\`.`,
  `Rows: ${rows.length} of ${all.length} (split \`${args.split}\`: rules were tuned on the other half, \`tune\`, chosen by a hash of the row id; this half was only measured). Helix analyzer load ${loadMs.toFixed(0)} ms.`,
  `Type map (dataset → Helix): ${Object.entries(LABEL_MAP).filter(([, v]) => v).map(([k, v]) => (k === v ? k : `${k}→${v}`)).join(', ')}. Unsupported, left out of both sides: ${unsupportedTypes().join(', ')}. Spans with a \`presidio_score_range\` upper bound < 0.5 are left out.`,
  `Peer: ${peer.ok ? `presidio-analyzer ${peer.version.split(' ')[0]} (spaCy ${peer.version.split(' ')[1]}, en_core_web_sm 3.8.0), default recognizers` : `peer skipped: ${peer.why}`}.`,
  '',
  `**Overall F1 on the presidio-research synthetic rows, token-level (1): ${f1(tokenSynth)}.** Span-level typed (2) on the same rows: ${f1(sides(spanScores, synth))}.`,
  `False positives on rows with no spans (in-scope types): Helix ${fp(helix).flagged}/${fp(helix).rows}${peer.ok ? `, Presidio ${fp(peer.preds).flagged}/${fp(peer.preds).rows}` : ''}.`,
  `Load average when measured: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${cpus().length} cores (other builds and tests share the machine).`,
  `Latency per prompt, one thread, wall clock: Helix ${lat(helixLatency)}${peer.ok ? `. Presidio ${lat(peer.latency)}` : ''}.`,
  `Helix, best of 5 runs per prompt (leaves out time the OS gave to other processes): ${lat(helixBest)}.`,
  `Helix 2 KB prompts per second on one thread: ${perSecond.wall.toFixed(0)} per wall-clock second, ${perSecond.cpu.toFixed(0)} per second of CPU time (prompts made of the dataset's rows, dense with personal data and secrets); 2 KB prompts made of its rows without any (technical questions, clean sentences): ${cleanPerSecond.wall.toFixed(0)} per wall-clock second, ${cleanPerSecond.cpu.toFixed(0)} per CPU-second. Dataset rows: ${helixMsPerRow.toFixed(3)} ms each.`,
  '',
  entityTable('(1) Token-level, type-agnostic (presidio-research style), all sources; recall per gold type, precision per predicted type; 95% Wilson interval on recall under 100', sides(tokenScores, () => true)),
  '',
  entityTable('(2) Span-level, typed (overlap ≥ half the gold span, same type), all sources', sides(spanScores, () => true)),
].join('\n');
console.log(out);
const notes = new URL('./notes.md', import.meta.url);
if (args.write) writeSection('docs/benchmarks.md', '## PII', existsSync(notes) ? `${out}\n\n${readFileSync(notes, 'utf8').trim()}` : out);
