import { openAICompatible } from '../openai-compatible/openai-compatible.provider.js';
import type { ChatProvider, DeploymentChecker, EmbeddingsProvider, RequestPreparer } from '../provider.js';
import { settingsParser } from '../shared/options.js';
import { clientCredentialsToken, type AzureTokenProvider } from './azure-entra.js';
import { azureBase, azureQuery, azureSettings } from './azure-settings.js';

const settings = settingsParser(azureSettings);

/**
 * Azure OpenAI: the OpenAI wire format at `{endpoint}/openai/deployments/{deployment}/chat/completions
 * ?api-version=…` (or `/openai/v1/...` with `apiVersion: v1`), authenticated by the `api-key` header
 * or, with `options.entra`, an Entra ID bearer token from `tokenProvider` (client credentials by default).
 */
export function azureOpenAI(tokenProvider: AzureTokenProvider = clientCredentialsToken): ChatProvider & EmbeddingsProvider & RequestPreparer & DeploymentChecker {
  const base = openAICompatible({
    id: 'azure',
    name: 'Azure OpenAI',
    headers: (dep): Record<string, string> => (dep.apiKey && !dep.options?.entra ? { 'api-key': dep.apiKey } : {}),
  });
  return {
    ...base,
    chatRequest(req, dep, opts) {
      const s = settings.get(dep);
      const out = base.chatRequest(req, { ...dep, baseUrl: azureBase(s) }, opts);
      out.request.url += azureQuery(s);
      return out;
    },
    embeddingsRequest(req, dep) {
      const s = settings.get(dep);
      const request = base.embeddingsRequest(req, { ...dep, baseUrl: azureBase(s) });
      request.url += azureQuery(s);
      return request;
    },
    async prepare(request, dep) {
      const entra = settings.get(dep).entra;
      if (!entra) return request;
      return { ...request, headers: { ...request.headers, authorization: `Bearer ${await tokenProvider(entra, dep)}` } };
    },
    checkDeployment: (dep) => settings.check(dep),
  };
}

export const azureProvider = azureOpenAI();
