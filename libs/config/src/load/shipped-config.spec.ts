import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instanceToPlain } from 'class-transformer';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HelixConfig } from '../schema/helix.config.js';
import { loadConfig } from './load-config.js';
import { isPlain, type Plain } from './plain.js';

const leafPaths = (tree: Plain, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    isPlain(value) ? leafPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('the shipped config files', () => {
  it('config/helix.yaml is valid: embedded mode on port 8080', () => {
    const config = loadConfig({ path: 'config/helix.yaml', env: {} });
    expect(config.mode).toBe('embedded');
    expect(config.http.port).toBe(8080);
  });

  it('config/helix.example.yaml is valid and shows every field that has a default', () => {
    const path = 'config/helix.example.yaml';
    const dir = mkdtempSync(join(tmpdir(), 'helix-empty-'));
    writeFileSync(join(dir, 'empty.yaml'), '');
    const defaults = loadConfig({ path: join(dir, 'empty.yaml'), env: {} });
    rmSync(dir, { recursive: true });
    expect(loadConfig({ path, env: {} })).toEqual(defaults);
    const documented = new Set(leafPaths(parse(readFileSync(path, 'utf8'))));
    const missing = leafPaths(instanceToPlain(new HelixConfig())).filter((p) => p !== 'service' && !documented.has(p));
    expect(missing).toEqual([]);
  });
});
