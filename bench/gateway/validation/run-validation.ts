import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../targets/mock.js';
import { GATEWAY_CORE } from '../targets/target.js';

export interface ValidationRow {
  body: string;
  ajvUs: number;
  classValidatorUs: number;
  classValidatorSyncUs: number;
}

/** Runs bench-validation.ts in its own process on the gateway's core (idle by then). */
export function runValidationBench(): ValidationRow[] {
  const r = spawnSync('taskset', ['-c', String(GATEWAY_CORE), process.execPath, '--import', './test/support/ts-loader.mjs', resolve(import.meta.dirname, 'bench-validation.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`validation bench failed: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ValidationRow[];
}

export function validationTable(rows: ValidationRow[]): string {
  const head = '| chat body | ajv (compiled, the gateway) µs | class-validator (plainToInstance + validate, as Nest ValidationPipe) µs | class-validator validateSync µs |\n|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.body} | ${r.ajvUs.toFixed(2)} | ${r.classValidatorUs.toFixed(1)} | ${r.classValidatorSyncUs.toFixed(1)} |`)].join('\n');
}
