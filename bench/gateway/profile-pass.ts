import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wrkClosedLoop } from './load/wrk.js';
import { nowNs } from './load/samples.js';
import { summarizeProfile } from './report/profile-summary.js';
import type { TargetSpec } from './targets/catalog.js';
import { LOAD_CORE } from './targets/target.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Runs a Helix target again under `node --cpu-prof`, at max throughput for `seconds` after a warm-up,
 * and sums up its self time in that window (startup and warm-up left out) as markdown.
 */
export async function profileHelix(spec: TargetSpec, mockOrigin: string, seconds: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'helix-bench-prof-'));
  try {
    const target = await spec.start(mockOrigin, dir);
    let fromUs = 0;
    let toUs = 0;
    try {
      await wrkClosedLoop(target.chat, 32, 3, LOAD_CORE);
      fromUs = nowNs() / 1000;
      await wrkClosedLoop(target.chat, 32, seconds, LOAD_CORE);
      toUs = nowNs() / 1000;
    } finally {
      await target.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return `${spec.name}: no profile was written.`;
    const s = summarizeProfile(join(dir, file), fromUs, toUs);
    return [
      `**${spec.name}**, max throughput for ${seconds} s under \`--cpu-prof\` (${s.samples} non-idle samples). Self time by area:`,
      '',
      s.areas.map(([a, v]) => `${a} ${pct(v)}`).join(', ') + '.',
      '',
      'Top self-time frames:',
      '',
      ...s.frames.map(([f, v]) => `- ${pct(v)} \`${f}\``),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
