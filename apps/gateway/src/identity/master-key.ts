import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mode } from '@helix/config';
import { keySha256, newApiKey } from './key-material.js';

/** The bootstrap admin key: only its SHA-256 (hex) is kept in memory. */
export interface MasterKey {
  sha256: string | null;
  source: 'env' | 'file' | 'generated' | 'none';
}

export interface MasterKeyOptions {
  mode: Mode;
  /** Absolute data directory of embedded mode. */
  dataDir: string;
  /** The value of `HELIX_MASTER_KEY`. */
  fromEnv: string | undefined;
  /** Where the printed example points. */
  baseUrl: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Shows the generated key to the operator, once (stdout, not the JSON log). */
  print: (text: string) => void;
}

export const MIN_MASTER_KEY_LENGTH = 32;
const FILE_NAME = 'master.key';

/**
 * `HELIX_MASTER_KEY` when set. Otherwise, in embedded mode, the key kept in
 * `<dataDir>/master.key` (mode 0600), generated and printed on first start;
 * in distributed mode, no master key (a warning).
 */
export function loadMasterKey(opts: MasterKeyOptions): MasterKey {
  if (opts.fromEnv !== undefined && opts.fromEnv !== '') {
    if (opts.fromEnv.length < MIN_MASTER_KEY_LENGTH) {
      throw new Error(`HELIX_MASTER_KEY must be at least ${MIN_MASTER_KEY_LENGTH} characters (try: openssl rand -base64 32)`);
    }
    return { sha256: keySha256(opts.fromEnv), source: 'env' };
  }
  if (opts.mode === 'distributed') {
    opts.log.warn({}, 'HELIX_MASTER_KEY is unset: this gateway has no master key; manage it with admin keys');
    return { sha256: null, source: 'none' };
  }
  const path = join(opts.dataDir, FILE_NAME);
  const existing = readKeyFile(path);
  if (existing) {
    if ((statSync(path).mode & 0o077) !== 0) opts.log.warn({ path }, 'the master key file is readable by others: chmod 600 it');
    opts.log.info({ path }, 'master key loaded (set HELIX_MASTER_KEY to use another)');
    return { sha256: keySha256(existing), source: 'file' };
  }
  const key = newApiKey();
  mkdirSync(opts.dataDir, { recursive: true });
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const raced = (error as NodeJS.ErrnoException).code === 'EEXIST' && readKeyFile(path);
    if (!raced) throw error;
    return { sha256: keySha256(raced), source: 'file' };
  }
  opts.print(banner(key, path, opts.baseUrl));
  return { sha256: keySha256(key), source: 'generated' };
}

function readKeyFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function banner(key: string, path: string, baseUrl: string): string {
  return [
    '',
    'Helix generated a master key. It is shown this once and kept in',
    `  ${path} (mode 0600):`,
    '',
    `  ${key}`,
    '',
    'Use it as a bearer token for the admin API, e.g.:',
    `  curl -H "Authorization: Bearer ${key}" ${baseUrl}/admin/orgs`,
    'then create an org, a team, a user and a key there: /admin/orgs, /admin/teams, /admin/users, /admin/keys.',
    'Set HELIX_MASTER_KEY to use a key of your own instead.',
    '',
  ].join('\n');
}
