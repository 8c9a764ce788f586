/**
 * `npm run bench`: the gateway's overhead (issue 3). The gateway, or a peer, is pinned to core 0; the
 * load generator, the mock upstream and the servers to core 1. Baselines: direct to the mock, a bare
 * node:http pass-through. Helix in both modes (embedded, distributed), Portkey and LiteLLM (installed
 * into bench/peers and bench/.venv-litellm when missing). Scenarios: max throughput with 32 connections
 * (wrk), open loop at 500 and 1000 req/s and 100 streams/s (Node, latency from the scheduled send). Prints
 * the tables; with --write (as `npm run bench` runs it) writes the `## Gateway` section and the header of
 * docs/benchmarks.md. Not a test: nothing fails on a miss.
 *
 * Options: --seconds 10 (per scenario), --warmup 3, --rounds 1 (each target measured this many times, the
 * median round per scenario kept), --only direct,helix-embedded,..., --write, --no-profile.
 */
import { setPriority } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { profileHelix } from './profile-pass.js';
import { measureTarget } from './measure-target.js';
import { hasWrk } from './load/wrk.js';
import { medianRound } from './report/rounds.js';
import { composeDoc, printSummary } from './report/compose.js';
import { writeGatewayDoc } from './report/write-doc.js';
import { overheadOf, targetChecks, type TargetRun } from './report/tables.js';
import { TARGETS } from './targets/catalog.js';
import { pin } from './targets/helix.js';
import { ROOT, startMock } from './targets/mock.js';
import { LOAD_CORE } from './targets/target.js';
import { BENCH_NICE, boost } from './targets/spawn-pinned.js';
import { runValidationBench } from './validation/run-validation.js';
import { runEventsPath } from './micro/run-events-path.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    write: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const roundCount = Math.max(1, Number(values.rounds));
const only = values.only?.split(',');
const specs = TARGETS.filter((t) => !only || only.includes(t.key));
const own = process.argv.slice(2).filter((a) => a !== '--write').join(' ');
const command = own ? `npm run bench:gateway -- ${own} --write` : 'npm run bench';

pin(process.pid, LOAD_CORE);
boost('self');
try {
  setPriority(BENCH_NICE);
} catch {
  /* not root: measured at normal priority */
}
if (!hasWrk()) console.log('wrk not found: max throughput uses the Node closed loop (apt-get install -y wrk for the C load generator)');
const installs = new Map(specs.map((s) => [s.key, s.install?.()]));
const mock = await startMock();
const rounds = new Map<string, TargetRun[]>(specs.map((s) => [s.key, []]));
const profiles: string[] = [];
let runs: TargetRun[] = [];
try {
  for (let round = 1; round <= roundCount; round++) {
    if (roundCount > 1) console.log(`round ${round} of ${roundCount}`);
    for (const spec of specs) rounds.get(spec.key)!.push(await measureTarget(spec, mock.origin, seconds, warmup, installs.get(spec.key)));
  }
  runs = specs.map((s) => medianRound(rounds.get(s.key)!));
  const direct = runs.find((r) => r.name === 'direct to mock' && r.results);
  if (direct && !values['no-profile']) {
    for (const spec of specs.filter((s) => s.helix)) {
      const run = runs.find((r) => r.name === spec.name && r.results);
      if (!run || targetChecks(overheadOf(run, direct)).every((c) => c.met)) continue;
      console.log(`${spec.name} missed a target: profiling it ...`);
      profiles.push(await profileHelix(spec, mock.origin, seconds));
    }
  }
} finally {
  await mock.proc.stop();
}

const validation = runValidationBench();
const events = runEventsPath();
const doc = composeDoc({ runs, validation, events, profiles, seconds, warmup, rounds: roundCount, command });
printSummary(doc);
if (values.write) {
  writeGatewayDoc(resolve(ROOT, 'docs/benchmarks.md'), doc.header, doc.section);
  console.log('wrote the ## Gateway section of docs/benchmarks.md');
}
