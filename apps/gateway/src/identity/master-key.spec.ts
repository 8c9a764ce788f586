import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keySha256 } from './key-material.js';
import { loadMasterKey, type MasterKeyOptions } from './master-key.js';

let dir: string;
let printed: string[];
let warnings: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'helix-master-'));
  printed = [];
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (over: Partial<MasterKeyOptions> = {}): MasterKeyOptions => ({
  mode: 'embedded',
  dataDir: join(dir, 'data'),
  fromEnv: undefined,
  baseUrl: 'http://localhost:8080',
  log: { info: () => undefined, warn: (_o, msg) => void warnings.push(msg) },
  print: (text) => void printed.push(text),
  ...over,
});

describe('loadMasterKey', () => {
  it('takes HELIX_MASTER_KEY when set, in any mode, and writes nothing', () => {
    const key = 'k'.repeat(40);
    expect(loadMasterKey(options({ fromEnv: key, mode: 'distributed' }))).toEqual({ sha256: keySha256(key), source: 'env' });
    expect(printed).toEqual([]);
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it('refuses a short HELIX_MASTER_KEY at start', () => {
    expect(() => loadMasterKey(options({ fromEnv: 'short' }))).toThrow(/at least 32 characters/);
  });

  it('in embedded mode, generates a key once, keeps it 0600 in dataDir and prints it once with how to use it', () => {
    const first = loadMasterKey(options());
    expect(first.source).toBe('generated');
    const path = join(dir, 'data', 'master.key');
    const key = readFileSync(path, 'utf8').trim();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(first.sha256).toBe(keySha256(key));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(`curl -H "Authorization: Bearer ${key}" http://localhost:8080/admin/orgs`);

    const second = loadMasterKey(options());
    expect(second).toEqual({ sha256: keySha256(key), source: 'file' });
    expect(printed).toHaveLength(1);
  });

  it('in distributed mode without HELIX_MASTER_KEY, starts without a master key and warns', () => {
    expect(loadMasterKey(options({ mode: 'distributed' }))).toEqual({ sha256: null, source: 'none' });
    expect(warnings).toEqual([expect.stringContaining('no master key')]);
    expect(printed).toEqual([]);
  });
});
