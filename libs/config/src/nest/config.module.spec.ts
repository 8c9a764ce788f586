import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { HelixConfig } from '../schema/helix.config.js';
import { ConfigStore } from '../store/config.store.js';
import { CONFIG_STORE } from './config.constants.js';
import { ConfigModule } from './config.module.js';

const dir = mkdtempSync(join(tmpdir(), 'helix-nest-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

@Injectable()
class NeedsConfig {
  constructor(readonly config: HelixConfig) {}
}

@Module({ providers: [NeedsConfig] })
class FeatureModule {}

describe('ConfigModule', () => {
  it('provides the store and the boot-time config to every module', async () => {
    const file = join(dir, 'helix.yaml');
    writeFileSync(file, 'http: { port: 9400 }');
    const store = new ConfigStore({ path: file, env: {} });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ store }), FeatureModule],
    }).compile();

    expect(moduleRef.get(CONFIG_STORE)).toBe(store);
    expect(moduleRef.get(NeedsConfig).config.http.port).toBe(9400);

    writeFileSync(file, 'http: { port: 9401 }');
    store.reload();
    expect(moduleRef.get<ConfigStore>(CONFIG_STORE).current.http.port).toBe(9401);
    expect(moduleRef.get(HelixConfig).http.port).toBe(9400);
    await moduleRef.close();
  });
});
