import { compatibleProvider } from './compatible/compatible.provider.js';
import type { UpstreamTransport } from './http/upstream.transport.js';
import { mockProvider } from './mock/mock.provider.js';
import { MockTransport } from './mock/mock.transport.js';
import { openaiProvider } from './openai/openai.provider.js';
import type { ChatProvider } from './provider.js';

/** A registered provider: its adapter, and how to reach it (`http`: the shared undici transport). */
export interface ProviderEntry {
  adapter: ChatProvider;
  transport: 'http' | UpstreamTransport;
}

/** Every provider, by the id a deployment's `provider` names. One explicit map: add a line per provider. */
export const providers = {
  openai: { adapter: openaiProvider, transport: 'http' },
  'openai-compatible': { adapter: compatibleProvider, transport: 'http' },
  mock: { adapter: mockProvider, transport: new MockTransport() },
} satisfies Record<string, ProviderEntry>;

export type ProviderId = keyof typeof providers;

export const isProviderId = (id: string): id is ProviderId => Object.hasOwn(providers, id);

/** The entry for a provider id; throws, naming the known ids, for an unknown one (check config at start). */
export function getProvider(id: string): ProviderEntry {
  if (!isProviderId(id)) throw new Error(`Unknown provider "${id}". Known providers: ${Object.keys(providers).join(', ')}.`);
  return providers[id];
}
