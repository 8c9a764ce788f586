import { describe, expect, it } from 'vitest';
import { MockTransport } from './mock/mock.transport.js';
import { getProvider, isProviderId, providers } from './registry.js';

describe('provider registry', () => {
  it('maps each id to its adapter and transport', () => {
    expect(Object.keys(providers).sort()).toEqual(['mock', 'openai', 'openai-compatible']);
    for (const [id, entry] of Object.entries(providers)) expect(entry.adapter.id).toBe(id);
    expect(getProvider('openai').transport).toBe('http');
    expect(getProvider('mock').transport).toBeInstanceOf(MockTransport);
  });

  it('refuses unknown ids, naming the known ones (and does not resolve prototype keys)', () => {
    expect(isProviderId('constructor')).toBe(false);
    expect(() => getProvider('anthropic')).toThrow(/Unknown provider "anthropic".*openai, openai-compatible, mock/);
  });
});
