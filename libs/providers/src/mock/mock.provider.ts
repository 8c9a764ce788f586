import { openAICompatible } from '../openai-compatible/openai-compatible.provider.js';
import type { Deployment } from '../provider.js';
import { MOCK_HEADERS } from './mock-settings.js';

/** The mock's base URL when a deployment names none; nothing is ever sent there. */
export const MOCK_BASE_URL = 'http://mock.helix.invalid/v1';

const OPTION_HEADERS: Record<string, string> = {
  latencyMs: MOCK_HEADERS.latencyMs,
  chunkDelayMs: MOCK_HEADERS.slowChunkMs,
  chunks: MOCK_HEADERS.chunks,
  promptTokens: MOCK_HEADERS.promptTokens,
  completionTokens: MOCK_HEADERS.completionTokens,
};

/**
 * Deployment options (`latencyMs`, `chunkDelayMs`, `chunks`, `promptTokens`, `completionTokens`)
 * travel as `x-mock-*` headers, so the in-process mock and apps/mock-upstream read them the same way.
 * Failure switches (`x-mock-status`, `x-mock-fail-times`, ...) go in the deployment's `headers`.
 */
function mockHeaders(dep: Deployment): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [option, header] of Object.entries(OPTION_HEADERS)) {
    const value = dep.options?.[option];
    if (typeof value === 'number') headers[header] = String(value);
  }
  return headers;
}

/** The built-in `mock` provider: the OpenAI-compatible adapter, served by `MockTransport` (no network). */
export const mockProvider = openAICompatible({ id: 'mock', name: 'Mock', defaultBaseUrl: MOCK_BASE_URL, headers: mockHeaders });
