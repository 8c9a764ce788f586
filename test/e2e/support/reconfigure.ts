import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { until } from '../../support/wait.js';
import type { HelixProcess } from './helix-process.js';

/** Rewrites a process's config file, sends SIGHUP and waits until it logs `logged` once more. */
export async function reconfigure(p: HelixProcess, change: (cfg: Record<string, any>) => void, logged = 'config reloaded'): Promise<void> {
  const file = join(p.dataDir, 'helix.yaml');
  const cfg = parse(readFileSync(file, 'utf8')) as Record<string, any>;
  change(cfg);
  const before = p.logs().split(logged).length;
  writeFileSync(file, stringify(cfg));
  p.process.kill('SIGHUP');
  await until(() => p.logs().split(logged).length > before, `${p.app} logged "${logged}"`, 30_000);
}
