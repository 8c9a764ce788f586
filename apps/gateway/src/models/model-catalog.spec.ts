import { describe, expect, it } from 'vitest';
import { loadConfig } from '@helix/config';
import { ModelCatalog } from './model-catalog.js';

const shipped = (env: Record<string, string>) => new ModelCatalog(loadConfig({ path: 'config/helix.yaml', env }));

describe('ModelCatalog on the shipped config', () => {
  it('serves mock-gpt with no provider variables, and no OpenAI model', () => {
    const c = shipped({});
    expect(c.get('mock-gpt')?.deployments[0]).toMatchObject({ provider: 'mock', model: 'mock-gpt' });
    expect(c.get('gpt-4o-mini')).toBeUndefined();
    expect(c.get('anything-else')).toBeUndefined();
    expect(c.list().map((m) => m.name)).toEqual(['mock-gpt', 'mock-embedding']);
  });

  it('makes the OpenAI models appear with OPENAI_API_KEY', () => {
    const c = shipped({ OPENAI_API_KEY: 'sk-test' });
    expect(c.get('gpt-4o-mini')?.deployments[0]).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-test' });
    expect(c.list().map((m) => m.name)).toContain('text-embedding-3-small');
  });

  it('points any model name at an OpenAI-compatible server with OPENAI_BASE_URL alone', () => {
    const c = shipped({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' });
    const llama = c.get('llama3.2:1b');
    expect(llama?.deployments[0]).toMatchObject({ model: 'llama3.2:1b', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined });
    expect(llama?.name).toBe('llama3.2:1b');
  });
});
