import type { ChatRequest } from '../openai.types.js';
import type { ChatProvider, ChatRequestOptions, Deployment, DeploymentChecker, UpstreamRequest } from '../provider.js';
import type { OptionReader } from '../shared/options.js';
import { settingsParser } from '../shared/options.js';
import type { ProviderErrorReader } from '../shared/provider-error.js';
import { anthropicError } from './anthropic-error.js';
import { anthropicBody, type AnthropicBodySettings } from './anthropic-request.js';
import { anthropicCompletion } from './anthropic-response.js';
import { AnthropicStreamMapper } from './anthropic-stream.mapper.js';

export const DEFAULT_MAX_TOKENS = 4096;

/** What differs between Anthropic's own API and Claude on a cloud (Vertex): where, how to authenticate, body extras. */
export interface MessagesApiConfig<S> {
  id: string;
  name: string;
  /** Reads the deployment's own settings (collecting problems); `maxTokens` and `structuredOutputs` are read for it. */
  settings(read: OptionReader): S;
  url(dep: Deployment, settings: S, stream: boolean): string;
  headers(dep: Deployment, settings: S): Record<string, string>;
  /** Fields added to the body: `model` for Anthropic, `anthropic_version` for Vertex. */
  bodyExtras(dep: Deployment, settings: S): Record<string, unknown>;
  /** Reads error bodies that are not Anthropic's (Vertex answers some errors in Google's shape). */
  otherErrors?: ProviderErrorReader;
}

/** A Messages-API adapter from its config: the request, response, stream and error mappings are shared. */
export function messagesApiAdapter<S>(config: MessagesApiConfig<S>): ChatProvider & DeploymentChecker & { settings(dep: Deployment): S & AnthropicBodySettings } {
  const parser = settingsParser((read) => ({
    ...config.settings(read),
    maxTokens: read.number('maxTokens', 1) ?? DEFAULT_MAX_TOKENS,
    structuredOutputs: read.boolean('structuredOutputs', true),
  }));
  return {
    id: config.id,
    settings: (dep) => parser.get(dep),
    checkDeployment: (dep) => parser.check(dep),
    chatRequest(req: ChatRequest, dep: Deployment, opts: ChatRequestOptions) {
      const settings = parser.get(dep);
      const { body, dropped } = anthropicBody(req, settings, opts.stream);
      const request: UpstreamRequest = {
        url: config.url(dep, settings, opts.stream),
        method: 'POST',
        headers: { 'content-type': 'application/json', ...config.headers(dep, settings), ...dep.headers },
        body: JSON.stringify({ ...config.bodyExtras(dep, settings), ...body }),
      };
      return { request, dropped };
    },
    chatResponse: (json) => anthropicCompletion(json, config.name),
    chatStream: () => new AnthropicStreamMapper(),
    error: (status, body, dep) => anthropicError(status, body, dep, config.name, config.otherErrors),
  };
}
