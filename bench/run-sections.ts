/**
 * The second half of `npm run bench`: runs every `bench:*` script of package.json but bench:gateway (the
 * first half) with `--write`, one after the other, so each writes its own section of docs/benchmarks.md. A section that fails is
 * reported and the others still run; the exit code says whether all passed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const scripts = Object.keys((JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts).filter((s) => s.startsWith('bench:') && s !== 'bench:gateway');
const failed: string[] = [];
for (const name of scripts) {
  console.log(`\n== npm run ${name} -- --write`);
  const r = spawnSync('npm', ['run', name, '--', '--write'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nbench sections that failed: ${failed.join(', ')}` : `\nbench sections done: ${scripts.join(', ') || 'none'}`);
process.exitCode = failed.length ? 1 : 0;
