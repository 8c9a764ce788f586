import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'helix-proto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function breaking(edit?: (text: string) => string): number {
  const copy = join(dir, `p${Math.random().toString(36).slice(2)}`);
  cpSync('proto', copy, { recursive: true });
  if (edit) {
    const file = join(copy, 'helix/v1/request_completed.proto');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return spawnSync('npx', ['buf', 'breaking', copy, '--against', 'proto'], { encoding: 'utf8' }).status ?? -1;
}

describe('buf breaking (wire compatibility for rolling upgrades)', () => {
  it('accepts an additive change and refuses a renumbered field', () => {
    expect(breaking((t) => t.replace('repeated string dropped_params = 32;', 'repeated string dropped_params = 32;\n  string added = 99;'))).toBe(0);
    expect(breaking((t) => t.replace('int64 cost_pico_usd = 18;', 'int64 cost_pico_usd = 98;'))).not.toBe(0);
  }, 60_000);
});
