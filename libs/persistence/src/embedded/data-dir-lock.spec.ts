import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

describe('lockDataDir', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helix-lock-'));
    path = join(dir, 'pg.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the directory until released', () => {
    const lock = lockDataDir(path);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(path)).toThrow(`in use by process ${process.pid}`);
    lock.release();
    expect(existsSync(path)).toBe(false);
    lockDataDir(path).release();
  });

  it('takes over a lock left by a process that has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path, exited.stdout);
    const lock = lockDataDir(path);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
