import { spawnSync } from 'node:child_process';

const here = new URL('.', import.meta.url).pathname;

export interface LocalScale {
  size: number;
  buildS: number;
  rssBytesPerEntry: number;
  p50Ms: number;
  p99Ms: number;
  recallAt1: number;
  snapWriteS: number;
  snapLoadS: number;
}

export interface RedisScale {
  size: number;
  redisBytesPerEntry: number;
  streamEvents: number;
  putsPerS: number;
}

/** Runs one worker in its own process (so memory figures are its own), bounded in time; undefined when it did not finish. */
function worker<T>(file: string, size: number, timeoutS: number, flags: string[] = []): T | string {
  const res = spawnSync(process.execPath, [...flags, '--import', './test/support/ts-loader.mjs', `${here}${file}`, String(size)], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 16 * 1024 * 1024 });
  const line = res.stdout.trim().split('\n').at(-1);
  if (res.status === 0 && line?.startsWith('{')) return JSON.parse(line) as T;
  return res.signal === 'SIGTERM' ? `not finished within ${timeoutS} s` : `failed: ${(res.stderr || res.stdout).trim().split('\n').slice(-2).join(' ')}`;
}

export const localScale = (size: number, timeoutS: number) => worker<LocalScale>('scale-worker.ts', size, timeoutS, ['--expose-gc', '--max-old-space-size=6144']);
export const redisScale = (size: number, timeoutS: number) => worker<RedisScale>('scale-redis.ts', size, timeoutS);
