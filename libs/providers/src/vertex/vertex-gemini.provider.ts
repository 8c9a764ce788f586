import { generateContentAdapter, generateMethod, modelName } from '../gemini/gemini-adapter.js';
import type { ChatProvider, DeploymentChecker, RequestPreparer } from '../provider.js';
import { withVertexToken } from './vertex-auth.js';
import { vertexModelUrl, vertexSettings } from './vertex-settings.js';

const adapter = generateContentAdapter({
  id: 'vertex',
  name: 'Vertex AI',
  settings: vertexSettings,
  url: (dep, s, stream) => vertexModelUrl({ ...dep, model: modelName(dep.model) }, s, 'google', generateMethod(stream).slice(1)),
  headers: () => ({}),
});

/**
 * Gemini on Vertex AI: the Gemini wire format at
 * `{baseUrl}/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent`,
 * authenticated with a service account's access token (`prepare`). Options: see `vertexSettings`,
 * plus `safetySettings` and `generationConfig` as for `gemini`.
 */
export const vertexGeminiProvider: ChatProvider & DeploymentChecker & RequestPreparer = {
  ...adapter,
  prepare: (request, dep) => withVertexToken(request, dep, adapter.settings(dep)),
};
