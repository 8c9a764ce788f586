import { messagesApiAdapter } from './anthropic-adapter.js';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com/v1';
export const ANTHROPIC_VERSION = '2023-06-01';

/**
 * Anthropic's Messages API (`POST {baseUrl}/messages`, `x-api-key`). Deployment options:
 * `maxTokens` (default 4096, sent when the client sets none), `anthropicVersion` (2023-06-01),
 * `beta` (`anthropic-beta` values), `structuredOutputs` (default true: json_schema → output_config).
 */
export const anthropicProvider = messagesApiAdapter({
  id: 'anthropic',
  name: 'Anthropic',
  settings: (read) => ({ version: read.string('anthropicVersion', ANTHROPIC_VERSION)!, beta: read.strings('beta') }),
  url: (dep) => `${(dep.baseUrl || ANTHROPIC_BASE_URL).replace(/\/+$/, '')}/messages`,
  headers(dep, s) {
    const headers: Record<string, string> = { 'anthropic-version': s.version };
    if (dep.apiKey) headers['x-api-key'] = dep.apiKey;
    if (s.beta.length) headers['anthropic-beta'] = s.beta.join(',');
    return headers;
  },
  bodyExtras: (dep) => ({ model: dep.model }),
});
