#!/usr/bin/env node
// `npm test`: the whole suite, in tiers, each with a time budget, printed with
// its timing. A tier that fails or runs over its budget fails the run; later
// tiers still run so one report shows everything. `--only <tier>` runs one.
import { spawn } from 'node:child_process';

const tiers = [
  { name: 'lint and typecheck', budgetS: 300, steps: ['npm run -s lint', 'npm run -s typecheck', 'npm run -s proto:check'] },
  { name: 'unit', budgetS: 300, steps: ['npx vitest run --project unit'] },
  { name: 'integration', budgetS: 600, steps: ['npx vitest run --project integration'] },
  { name: 'e2e', budgetS: 600, steps: ['npm run -s build', 'npx vitest run --project e2e'] },
  { name: 'browser and deployment', budgetS: 600, steps: ['npm run -s build', 'npx vitest run --project browser', 'npx vitest run --project deploy'] },
  { name: 'fault and fuzz', budgetS: 720, steps: ['npm run -s build', 'npx vitest run --project fuzz', 'npx vitest run --project fault'] },
  {
    // The load proof on both process models: apps/gateway distributed, then the embedded default.
    name: 'load',
    budgetS: 300,
    steps: ['npm run -s build', 'npx vitest run --project load', 'HELIX_LOAD_TARGET=standalone npx vitest run --project load'],
  },
];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

// `dist` is built once per run, by the first tier that needs it.
const BUILD = 'npm run -s build';
let built = false;

function run(cmd, deadline) {
  if (cmd === BUILD && built) return Promise.resolve(true);
  if (cmd === BUILD) built = true;
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: 'inherit', detached: true });
    const left = deadline - Date.now();
    const timer = setTimeout(() => {
      console.error(`\n[tiers] over budget, stopping: ${cmd}`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, Math.max(left, 0));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 && !signal);
    });
  });
}

const results = [];
for (const tier of tiers) {
  if (only && !tier.name.startsWith(only)) continue;
  const started = Date.now();
  const deadline = started + tier.budgetS * 1000;
  console.log(`\n[tiers] ── ${tier.name} (budget ${tier.budgetS} s) ──`);
  let ok = true;
  for (const step of tier.steps) {
    if (!(await run(step, deadline))) {
      ok = false;
      break;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  results.push({ tier: tier.name, ok: ok && seconds <= tier.budgetS, seconds, budget: tier.budgetS, empty: !tier.steps.length });
}

console.log('\n[tiers] summary');
for (const r of results) {
  const status = r.empty ? 'none yet' : r.ok ? 'pass' : 'FAIL';
  console.log(`  ${r.tier.padEnd(24)} ${status.padEnd(8)} ${r.seconds.toFixed(1).padStart(7)} s / ${r.budget} s`);
}
const total = results.reduce((s, r) => s + r.seconds, 0);
console.log(`  ${'total'.padEnd(24)} ${''.padEnd(8)} ${total.toFixed(1).padStart(7)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
