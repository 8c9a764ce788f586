import { describe, expect, it } from 'vitest';
import { MockTransport } from './mock/mock.transport.js';
import { hasDeploymentCheck, hasPrepare, hasStreamDecoder } from './provider.js';
import { getProvider, isProviderId, providers } from './registry.js';

describe('provider registry', () => {
  it('maps each id to its adapter and transport', () => {
    expect(Object.keys(providers).sort()).toEqual(['anthropic', 'azure', 'bedrock', 'gemini', 'mock', 'openai', 'openai-compatible', 'vertex', 'vertex-anthropic']);
    for (const [id, entry] of Object.entries(providers)) expect(entry.adapter.id).toBe(id);
    expect(getProvider('openai').transport).toBe('http');
    expect(getProvider('bedrock').transport).toBe('http');
    expect(getProvider('mock').transport).toBeInstanceOf(MockTransport);
  });

  it('gives the optional abilities only to the providers that need them', () => {
    const withAbility = (has: (p: (typeof providers)[keyof typeof providers]['adapter']) => boolean) =>
      Object.entries(providers)
        .filter(([, e]) => has(e.adapter))
        .map(([id]) => id)
        .sort();
    expect(withAbility(hasStreamDecoder)).toEqual(['bedrock']);
    expect(withAbility(hasPrepare)).toEqual(['azure', 'bedrock', 'vertex', 'vertex-anthropic']);
    expect(withAbility(hasDeploymentCheck)).toEqual(['anthropic', 'azure', 'bedrock', 'gemini', 'vertex', 'vertex-anthropic']);
  });

  it('refuses unknown ids, naming the known ones (and does not resolve prototype keys)', () => {
    expect(isProviderId('constructor')).toBe(false);
    expect(() => getProvider('cohere')).toThrow(/Unknown provider "cohere".*openai, openai-compatible, mock, azure/);
  });
});
