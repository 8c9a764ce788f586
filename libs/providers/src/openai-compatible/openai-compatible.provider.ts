import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import type { ChatCompletion, ChatRequest, EmbeddingsRequest, EmbeddingsResponse } from '../openai.types.js';
import type { ChatProvider, ChatRequestOptions, Deployment, EmbeddingsProvider, MappedResponse, UpstreamRequest } from '../provider.js';
import { mapParams, type ParamTable } from './param-table.js';
import { OpenAIStreamMapper } from './stream.mapper.js';
import { mapUpstreamError } from './upstream-error.js';
import { normalizeUsage } from './usage.js';

/** What makes one OpenAI-compatible provider different from another. Everything else is shared. */
export interface OpenAICompatibleConfig {
  /** Registry key, also the `provider` of its deployments. */
  id: string;
  /** Human name used in error messages. */
  name?: string;
  /** Used when a deployment has no `baseUrl`. */
  defaultBaseUrl?: string;
  /** Request parameter rules; parameters it does not name follow `unknownParams`. */
  params?: ParamTable;
  /** Parameters the table does not name: `pass` (default) or `drop`. */
  unknownParams?: 'pass' | 'drop';
  /** The upstream honours `stream_options.include_usage`. Default true; a deployment can turn it off with `options.streamUsage: false`. */
  streamUsage?: boolean;
  /** Auth and other per-deployment headers (the deployment's own `headers` are added after). */
  headers(dep: Deployment): Record<string, string>;
}

const RESERVED = new Set(['model', 'stream', 'stream_options']);

/** Builds a chat + embeddings adapter for an OpenAI-compatible API from its config (Portkey-style base). */
export function openAICompatible(config: OpenAICompatibleConfig): ChatProvider & EmbeddingsProvider {
  const name = config.name ?? config.id;
  const mapping = { table: config.params ?? {}, unknown: config.unknownParams ?? 'pass', reserved: RESERVED } as const;

  const post = (dep: Deployment, path: string, body: Record<string, unknown>): UpstreamRequest => ({
    url: `${baseUrl(dep, config)}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...config.headers(dep), ...dep.headers },
    body: JSON.stringify(body),
  });

  return {
    id: config.id,
    chatRequest(req: ChatRequest, dep: Deployment, opts: ChatRequestOptions) {
      const { body, dropped } = mapParams(req, mapping);
      body.model = dep.model;
      if (opts.stream) {
        body.stream = true;
        const streamOptions = req.stream_options ? { ...req.stream_options } : {};
        if (opts.includeUsage && config.streamUsage !== false && dep.options?.streamUsage !== false) streamOptions.include_usage = true;
        else delete streamOptions.include_usage;
        if (Object.keys(streamOptions).length > 0) body.stream_options = streamOptions;
      }
      return { request: post(dep, '/chat/completions', body), dropped };
    },
    chatResponse(json: unknown): MappedResponse<ChatCompletion> {
      const body = json as ChatCompletion;
      if (!body || typeof body !== 'object' || !Array.isArray(body.choices)) throw invalidResponse(name, 'chat completion');
      return { body, usage: normalizeUsage(body.usage), model: typeof body.model === 'string' ? body.model : '' };
    },
    chatStream: () => new OpenAIStreamMapper(),
    error: (status, body, dep) => mapUpstreamError(status, body, dep, name),
    embeddingsRequest(req: EmbeddingsRequest, dep: Deployment) {
      return post(dep, '/embeddings', { ...req, model: dep.model });
    },
    embeddingsResponse(json: unknown): MappedResponse<EmbeddingsResponse> {
      const body = json as EmbeddingsResponse;
      if (!body || typeof body !== 'object' || !Array.isArray(body.data)) throw invalidResponse(name, 'embeddings response');
      return { body, usage: normalizeUsage(body.usage), model: typeof body.model === 'string' ? body.model : '' };
    },
  };
}

function baseUrl(dep: Deployment, config: OpenAICompatibleConfig): string {
  const url = dep.baseUrl || config.defaultBaseUrl;
  if (!url) throw new HelixError(500, ErrorTypes.server, `Deployment "${dep.id}" has no baseUrl.`, ErrorCodes.internal);
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

const invalidResponse = (name: string, what: string) =>
  new HelixError(502, ErrorTypes.upstream, `The upstream provider (${name}) returned an invalid ${what}.`, ErrorCodes.upstreamError, null, {}, true);
