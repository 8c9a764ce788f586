import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './mock.js';

export const PEERS_DIR = resolve(ROOT, 'bench/peers');
export const PORTKEY_MAIN = resolve(PEERS_DIR, 'node_modules/@portkey-ai/gateway/build/start-server.js');
export const LITELLM_VENV = resolve(ROOT, 'bench/.venv-litellm');
/** The exact LiteLLM release (never 1.82.7, 1.82.8 or 1.107.0, which were reported compromised). */
export const LITELLM_VERSION = '1.80.17';

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): string | undefined {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) return `${cmd} ${args[0]}: ${r.error.message}`;
  if (r.status !== 0) return `${cmd} ${args.join(' ')} exited with ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`;
  return undefined;
}

/** Installs the Portkey gateway from bench/peers' own lockfile when missing; the reason it cannot, or undefined. */
export function ensurePortkey(): string | undefined {
  if (existsSync(PORTKEY_MAIN)) return undefined;
  console.log('installing the Portkey peer (npm ci in bench/peers) ...');
  return run('npm', ['ci', '--no-audit', '--no-fund'], PEERS_DIR, 300_000) ?? (existsSync(PORTKEY_MAIN) ? undefined : `${PORTKEY_MAIN} missing after npm ci`);
}

const litellmBin = () => resolve(LITELLM_VENV, 'bin/litellm');
const installedLitellm = () => spawnSync(resolve(LITELLM_VENV, 'bin/python'), ['-c', 'import importlib.metadata as m; print(m.version("litellm"))'], { encoding: 'utf8' }).stdout?.trim();

/** Installs litellm[proxy] at the pinned version in bench/.venv-litellm when missing; the reason it cannot, or undefined. */
export function ensureLitellm(): string | undefined {
  if (existsSync(litellmBin()) && installedLitellm() === LITELLM_VERSION) return undefined;
  console.log(`installing the LiteLLM peer (litellm[proxy]==${LITELLM_VERSION} in bench/.venv-litellm) ...`);
  if (!existsSync(resolve(LITELLM_VENV, 'bin/pip'))) {
    const failed = run('python3', ['-m', 'venv', LITELLM_VENV], ROOT, 120_000);
    if (failed) return failed;
  }
  const pip = resolve(LITELLM_VENV, 'bin/pip');
  const failed = run(pip, ['install', '-q', '-r', 'litellm-requirements.txt', '-c', 'litellm-constraints.txt'], PEERS_DIR, 900_000);
  if (failed) return failed;
  const got = installedLitellm();
  return got === LITELLM_VERSION ? undefined : `litellm ${got ?? 'missing'} installed, ${LITELLM_VERSION} wanted`;
}

export { litellmBin };
