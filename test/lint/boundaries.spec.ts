import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// A miniature tree with the repo's real eslint.config.js and tsconfig paths, so
// the rule is tested on resolved imports between libs and apps that exist.
const root = mkdtempSync(join(tmpdir(), 'helix-lint-'));
const libs = ['contracts', 'config', 'bus', 'pii', 'cache', 'cost'];
for (const name of libs) write(`libs/${name}/src/index.ts`, `export const ${name} = 1;\n`);
write('libs/bus/src/nats/nats.bus.ts', 'export const a = 1;\n');
write('apps/gateway/src/g.ts', 'export const g = 1;\n');
write('apps/pii-service/src/pii.module.ts', 'export const m = 1;\n');
cpSync('eslint.config.js', join(root, 'eslint.config.js'));
cpSync('tsconfig.json', join(root, 'tsconfig.json'));
writeFileSync(join(root, 'package.json'), '{"type":"module"}');
symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, from: string): Promise<string[]> {
  const code = `import * as x from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports' || m.fatal)
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries (DESIGN §3)', () => {
  it('lets a domain lib import contracts but not another domain lib', async () => {
    expect(await importErrors('libs/pii/src/x.ts', '@helix/contracts')).toEqual([]);
    expect(await importErrors('libs/pii/src/x.ts', '@helix/cache')).toHaveLength(1);
    expect(await importErrors('libs/pii/src/x.ts', '../../cache/src/index.js')).toHaveLength(1);
  });

  it('keeps domain libs transport-free and contracts dependency-free', async () => {
    expect(await importErrors('libs/cost/src/x.ts', '@helix/bus')).toHaveLength(1);
    expect(await importErrors('libs/contracts/src/x.ts', '@helix/config')).toHaveLength(1);
    expect(await importErrors('libs/bus/src/x.ts', '@helix/config')).toEqual([]);
    expect(await importErrors('libs/config/src/x.ts', '@helix/bus')).toHaveLength(1);
  });

  it('refuses deep imports into a lib', async () => {
    expect(await importErrors('apps/gateway/src/x.ts', '@helix/bus')).toEqual([]);
    expect(await importErrors('apps/gateway/src/x.ts', '@helix/bus/src/nats/nats.bus.js')).not.toEqual([]);
  });

  it('keeps apps apart, except the standalone app that composes them', async () => {
    expect(await importErrors('apps/gateway/src/x.ts', '../../pii-service/src/pii.module.js')).toHaveLength(1);
    expect(await importErrors('apps/gateway/src/x.ts', './g.js')).toEqual([]);
    expect(await importErrors('apps/standalone/src/x.ts', '../../pii-service/src/pii.module.js')).toEqual([]);
  });

  it('lets a lib import nothing from an app', async () => {
    expect(await importErrors('libs/cache/src/x.ts', '../../../apps/gateway/src/g.js')).toHaveLength(1);
  });
});
