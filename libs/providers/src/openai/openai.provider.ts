import { openAICompatible } from '../openai-compatible/openai-compatible.provider.js';
import type { Deployment } from '../provider.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** `Authorization: Bearer`, plus `OpenAI-Organization` / `OpenAI-Project` from `options.organization` / `options.project`. */
function openaiHeaders(dep: Deployment): Record<string, string> {
  const headers: Record<string, string> = {};
  if (dep.apiKey) headers.authorization = `Bearer ${dep.apiKey}`;
  const { organization, project } = dep.options ?? {};
  if (typeof organization === 'string' && organization) headers['openai-organization'] = organization;
  if (typeof project === 'string' && project) headers['openai-project'] = project;
  return headers;
}

/**
 * OpenAI itself: every parameter passes, except that the deprecated `max_tokens` is sent as
 * `max_completion_tokens` (reasoning models refuse `max_tokens`; every chat model takes the new name).
 */
export const openaiProvider = openAICompatible({
  id: 'openai',
  name: 'OpenAI',
  defaultBaseUrl: OPENAI_BASE_URL,
  params: {
    max_tokens: { param: 'max_completion_tokens', transform: (v, req) => req.max_completion_tokens ?? v },
  },
  headers: openaiHeaders,
});
