import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PRESIDIO_MAP } from './label-map.js';
import type { Predicted } from './scoring.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export type PeerResult = { ok: true; preds: Predicted[][]; latency: Record<string, number[]>; version: string } | { ok: false; why: string };

/** Presidio in bench/.venv-presidio (made by setup-presidio.sh when missing), on the same texts and latency prompts. */
export function runPresidio(texts: string[], latency: Record<string, string[]>): PeerResult {
  const setup = spawnSync('bash', [`${here}setup-presidio.sh`], { encoding: 'utf8' });
  if (setup.status !== 0) return { ok: false, why: (setup.stdout || setup.stderr).trim().replace(/^peer skipped: /, '') || `setup exited ${setup.status}` };
  const py = `${here}../.venv-presidio/bin/python`;
  const run = spawnSync(py, [`${here}presidio-peer.py`], { input: JSON.stringify({ texts, latency }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) return { ok: false, why: `presidio run failed: ${run.stderr.trim().split('\n').at(-1)}` };
  const out = JSON.parse(run.stdout) as { preds: [number, number, string][][]; latency: Record<string, number[]> };
  const version = spawnSync(py, ['-c', 'import importlib.metadata as m; print(m.version("presidio-analyzer"), m.version("spacy"))'], { encoding: 'utf8' }).stdout.trim();
  return {
    ok: true,
    version,
    latency: out.latency,
    preds: out.preds.map((row) => row.filter(([, , t]) => PRESIDIO_MAP[t]).map(([start, end, t]) => ({ start, end, type: PRESIDIO_MAP[t]! }))),
  };
}
