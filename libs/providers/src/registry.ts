import { anthropicProvider } from './anthropic/anthropic.provider.js';
import { azureProvider } from './azure/azure.provider.js';
import { bedrockProvider } from './bedrock/bedrock.provider.js';
import { compatibleProvider } from './compatible/compatible.provider.js';
import { geminiProvider } from './gemini/gemini.provider.js';
import type { UpstreamTransport } from './http/upstream.transport.js';
import { mockProvider } from './mock/mock.provider.js';
import { MockTransport } from './mock/mock.transport.js';
import { openaiProvider } from './openai/openai.provider.js';
import type { ChatProvider } from './provider.js';
import { vertexAnthropicProvider } from './vertex/vertex-anthropic.provider.js';
import { vertexGeminiProvider } from './vertex/vertex-gemini.provider.js';

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
  azure: { adapter: azureProvider, transport: 'http' },
  anthropic: { adapter: anthropicProvider, transport: 'http' },
  gemini: { adapter: geminiProvider, transport: 'http' },
  vertex: { adapter: vertexGeminiProvider, transport: 'http' },
  'vertex-anthropic': { adapter: vertexAnthropicProvider, transport: 'http' },
  bedrock: { adapter: bedrockProvider, transport: 'http' },
} satisfies Record<string, ProviderEntry>;

export type ProviderId = keyof typeof providers;

export const isProviderId = (id: string): id is ProviderId => Object.hasOwn(providers, id);

/** The entry for a provider id; throws, naming the known ids, for an unknown one (check config at start). */
export function getProvider(id: string): ProviderEntry {
  if (!isProviderId(id)) throw new Error(`Unknown provider "${id}". Known providers: ${Object.keys(providers).join(', ')}.`);
  return providers[id];
}
