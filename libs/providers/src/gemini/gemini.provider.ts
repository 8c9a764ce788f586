import { generateContentAdapter, generateMethod, modelName } from './gemini-adapter.js';

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

/**
 * The Gemini API (`POST {baseUrl}/models/{model}:generateContent`, or `:streamGenerateContent?alt=sse`),
 * with the key in `x-goog-api-key`. Deployment options: `safetySettings`, `generationConfig`
 * (defaults merged under the client's parameters, e.g. `thinkingConfig`).
 */
export const geminiProvider = generateContentAdapter({
  id: 'gemini',
  name: 'Gemini',
  settings: () => ({}),
  url: (dep, _s, stream) => `${(dep.baseUrl || GEMINI_BASE_URL).replace(/\/+$/, '')}/models/${encodeURIComponent(modelName(dep.model))}${generateMethod(stream)}`,
  headers: (dep): Record<string, string> => (dep.apiKey ? { 'x-goog-api-key': dep.apiKey } : {}),
});
