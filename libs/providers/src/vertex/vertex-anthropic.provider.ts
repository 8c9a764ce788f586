import { messagesApiAdapter } from '../anthropic/anthropic-adapter.js';
import { readGoogleError } from '../gemini/gemini-error.js';
import type { ChatProvider, DeploymentChecker, RequestPreparer } from '../provider.js';
import { withVertexToken } from './vertex-auth.js';
import { vertexModelUrl, vertexSettings } from './vertex-settings.js';

export const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';

const adapter = messagesApiAdapter({
  id: 'vertex-anthropic',
  name: 'Anthropic on Vertex AI',
  settings: vertexSettings,
  url: (dep, s, stream) => vertexModelUrl(dep, s, 'anthropic', stream ? 'streamRawPredict' : 'rawPredict'),
  headers: () => ({}),
  bodyExtras: () => ({ anthropic_version: VERTEX_ANTHROPIC_VERSION }),
  otherErrors: readGoogleError,
});

/**
 * Claude on Vertex AI: the Anthropic Messages body with `anthropic_version: vertex-2023-10-16` and
 * no `model` (it is in the URL), POSTed to `…/publishers/anthropic/models/{model}:rawPredict` (or
 * `:streamRawPredict`), with a service account's access token. Options: as `vertex`, plus
 * `maxTokens` and `structuredOutputs` as `anthropic`.
 */
export const vertexAnthropicProvider: ChatProvider & DeploymentChecker & RequestPreparer = {
  ...adapter,
  prepare: (request, dep) => withVertexToken(request, dep, adapter.settings(dep)),
};
