import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { until } from '../support/wait.js';
import { provisionKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

let helix: HelixProcess;
let a: MockUpstream;
let b: MockUpstream;
let client: OpenAI;

const OFF = { budget: { enabled: false }, pii: { enabled: false }, cache: { enabled: false } };
const dep = (id: string, provider: string) => ({ id, provider, model: 'mock-gpt' });

beforeAll(async () => {
  [a, b] = await Promise.all([startMockUpstream({ chunks: 6, chunkDelayMs: 25 }), startMockUpstream({ chunks: 6, chunkDelayMs: 25 })]);
  helix = await spawnHelix('standalone', {
    config: {
      pipeline: OFF,
      providers: [
        { name: 'a', type: 'openai-compatible', baseUrl: a.baseUrl },
        { name: 'b', type: 'openai-compatible', baseUrl: b.baseUrl },
      ],
      models: [{ name: 'live', deployments: [dep('a-dep', 'a')] }],
    },
  });
  client = new OpenAI({ apiKey: (await provisionKey(helix.url, helix.masterKey())).key, baseURL: `${helix.url}/v1`, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await helix?.dispose();
  await a?.close();
  await b?.close();
});

/** Rewrites the process's config file in one step (a rename), as editors and ConfigMaps do. */
function rewrite(change: (config: Record<string, unknown>) => void): void {
  const file = join(helix.dataDir, 'helix.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(config);
  writeFileSync(`${file}.next`, stringify(config));
  renameSync(`${file}.next`, file);
}

/** Chat and stream requests from a few workers until stopped; every failure is kept. */
function traffic(workers: number) {
  const served = new Map<string, number>();
  const errors: string[] = [];
  let total = 0;
  let running = true;
  const one = async (i: number) => {
    const content = `request ${i} at ${Date.now()}`;
    if (i % 2) {
      const { response } = await client.chat.completions.create({ model: 'live', messages: [{ role: 'user', content }] }).withResponse();
      served.set(response.headers.get('x-helix-deployment')!, (served.get(response.headers.get('x-helix-deployment')!) ?? 0) + 1);
      return;
    }
    const { data: stream, response } = await client.chat.completions.create({ model: 'live', stream: true, messages: [{ role: 'user', content }] }).withResponse();
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    if (text !== `Mock answer to: ${content}`) throw new Error(`stream cut: ${text}`);
    served.set(response.headers.get('x-helix-deployment')!, (served.get(response.headers.get('x-helix-deployment')!) ?? 0) + 1);
  };
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i += workers) {
      total++;
      await one(i).catch((err: unknown) => errors.push(`${String(err)} (${String((err as { cause?: unknown }).cause)})`));
    }
  });
  return {
    served,
    errors,
    total: () => total,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('hot reload of models and routes under load', () => {
  it('moves traffic between deployments, adds a model and refuses a bad file, with zero failed requests', async () => {
    const load = traffic(6);
    await until(() => (load.served.get('a-dep') ?? 0) >= 20, 'traffic on the first deployment', 20_000);

    rewrite((c) => {
      c.models = [
        { name: 'live', deployments: [dep('b-dep', 'b')] },
        { name: 'added', deployments: [dep('added-dep', 'a')] },
      ];
    });
    await until(() => (load.served.get('b-dep') ?? 0) >= 20, 'traffic moved to the second deployment by the file watcher', 20_000);
    const added = await client.chat.completions.create({ model: 'added', messages: [{ role: 'user', content: 'new model' }] }).withResponse();
    expect(added.response.headers.get('x-helix-deployment')).toBe('added-dep');

    rewrite((c) => {
      c.models = [{ name: 'live', routing: { strategy: 'nonsense' }, deployments: [dep('a-dep', 'a')] }];
    });
    helix.process.kill('SIGHUP');
    await until(() => /strategy/.test(helix.logs().split('\n').filter((l) => /refus|invalid|rejected/i.test(l)).join('\n')), 'the bad file refused', 10_000);
    const stillB = load.served.get('b-dep')!;
    await until(() => load.served.get('b-dep')! >= stillB + 10, 'traffic still served by the last good config', 10_000);

    rewrite((c) => {
      c.models = [{ name: 'live', routing: { strategy: 'weighted' }, deployments: [{ ...dep('a-dep', 'a'), weight: 1 }, { ...dep('b-dep', 'b'), weight: 1 }] }];
    });
    helix.process.kill('SIGHUP');
    const aBefore = load.served.get('a-dep')!;
    await until(() => load.served.get('a-dep')! >= aBefore + 10, 'traffic split over both deployments again', 20_000);

    await load.stop();
    expect(load.errors).toEqual([]);
    expect(load.total()).toBeGreaterThanOrEqual(60);
    expect(a.aborts()).toEqual([]);
    expect(b.aborts()).toEqual([]);
  });
});
