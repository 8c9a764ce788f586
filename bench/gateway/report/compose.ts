import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { machine } from './machine.js';
import { overheadOf, overheadTable, rawTable, targetChecks, type TargetRun } from './tables.js';
import { validationTable, type ValidationRow } from '../validation/run-validation.js';
import { STREAM } from '../targets/mock.js';
import { hasWrk } from '../load/wrk.js';
import { eventsPathLine, type EventsPath } from '../micro/run-events-path.js';

/** The mode whose figures are the headline: the production shape, with real JetStream events and Redis rate limits. */
export const HEADLINE = 'Helix distributed';

export interface DocInput {
  runs: TargetRun[];
  validation: ValidationRow[];
  /** The event path micro bench; absent when it failed. */
  events?: EventsPath;
  profiles: string[];
  seconds: number;
  warmup: number;
  /** Rounds per target; the median round per scenario is shown. */
  rounds: number;
  command: string;
}

function checksTable(runs: TargetRun[], direct: TargetRun): string {
  const helix = runs.filter((r) => r.name.startsWith('Helix') && r.results);
  if (helix.length === 0) return '';
  const checks = helix.map((r) => targetChecks(overheadOf(r, direct)));
  const head = `| target | goal | ${helix.map((r) => r.name).join(' | ')} |\n|---|---|${helix.map(() => '---|').join('')}`;
  const lines = checks[0]!.map((c, i) => `| ${c.what} | ${c.goal} | ${checks.map((cs) => `${cs[i]!.got} ${cs[i]!.met ? '✓' : '✗'}`).join(' | ')} |`);
  return [head, ...lines].join('\n');
}

/** The doc's header (machine block) and the `## Gateway` section, from one run. */
export function composeDoc(input: DocInput): { header: string; section: string; printed: string } {
  const { runs } = input;
  const date = new Date().toISOString().slice(0, 10);
  const direct = runs.find((r) => r.name === 'direct to mock' && r.results);
  const overhead = direct ? overheadTable(runs.filter((r) => r !== direct && r.results).map((r) => overheadOf(r, direct))) : 'no direct baseline in this run';
  const checks = direct ? checksTable(runs, direct) : '';
  const findingsFile = resolve(import.meta.dirname, 'findings.md');
  const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8').trim() : '';
  const header = [
    '# Benchmarks',
    '',
    `Machine: ${machine()}. Shared with other work while it ran, so tails are noisy.`,
    '`npm run bench` runs the gateway overhead bench (the Gateway section) and then each `bench:*` script; each section names its own command and date.',
  ].join('\n');
  const tables = [
    '### Overhead against the direct baseline',
    '',
    overhead,
    '',
    checks ? `### The issue's targets (auth, rate limits and events on)\n\n${checks}\n` : '',
    '### Every figure',
    '',
    rawTable(runs),
  ].join('\n');
  const notes = runs.map((r) => `- ${r.name}: ${r.skipped ? `skipped: ${r.skipped}` : r.note}${r.extra ? `; ${r.extra}` : ''}.`).join('\n');
  const section = [
    `Date: ${date}. Command: \`${input.command}\`. Headline figures: **${HEADLINE}**; the embedded default is measured in the same run.`,
    '',
    `Setup: the gateway or peer is pinned to core 0 (\`taskset\`); the load generator, the mock upstream (\`apps/mock-upstream\`, its own process) and, for the distributed mode, nats-server and redis-server are pinned to core 1. ` +
      `Each scenario runs ${input.seconds} s after a ${input.warmup} s warm-up${input.rounds > 1 ? `; every target was measured in ${input.rounds} rounds (all targets once, then again) and each scenario shows its median round (by throughput, p50, or TTFB p50 for streams), every figure of a row from that one round` : ''}. ` +
      (hasWrk()
        ? 'Max throughput: wrk, one thread, 32 keep-alive connections (closed loop). '
        : 'Max throughput: the Node load generator, 32 keep-alive connections (closed loop; wrk was not installed, and the Node client tops out near 8,000 req/s). ') +
      `Open loop: a Node load generator (bench/gateway/load, undici Pool) whose send times come from a futex-timed schedule; latency counts from the scheduled send time, so a stall is charged to every request behind it. ` +
      `Streams: 100/s open loop, the mock sending ${STREAM.chunks} content events ${STREAM.chunkDelayMs} ms apart; TTFB is the first body byte (the first SSE event), total is the last. ` +
      `Helix uses a real virtual key with RPM/TPM limits of 10⁹ (checked on every request, never reached) and publishes one request.completed event per request. ` +
      `CPU ms/req: user+system time of the target's process tree from /proc over the scenario, divided by the requests sent; peak RSS: the tree's VmRSS sampled every 100 ms.`,
    '',
    tables,
    '',
    '### Targets as run',
    '',
    notes,
    '',
    '### Request validation',
    '',
    'Per request, JSON already parsed, on the idle gateway core (bench/gateway/validation: the gateway\'s compiled ajv schema against an equivalent class-validator DTO written for the bench).',
    '',
    validationTable(input.validation),
    ...(input.events ? ['', '### The event path', '', eventsPathLine(input.events)] : []),
    ...(input.profiles.length ? ['', '### Profiles', '', ...input.profiles.flatMap((p) => [p, ''])] : []),
    ...(findings ? ['', findings] : []),
  ].join('\n');
  return { header, section, printed: `${tables}\n\n### Request validation\n\n${validationTable(input.validation)}${input.events ? `\n\n${eventsPathLine(input.events)}` : ''}` };
}

export function printSummary(doc: { printed: string }): void {
  console.log(`\n${doc.printed}\n`);
}
