import type { OpenAIErrorBody } from '@helix/contracts';
import type { ChatCompletion, ChatCompletionChunk, ChatRequest, EmbeddingsRequest, EmbeddingsResponse } from './openai.types.js';

/**
 * Token usage in one shape for every provider (mirrors the `Usage` proto). Adapters normalise to
 * OpenAI's convention: totals include their parts (Anthropic and Bedrock report input without the
 * cached tokens; Gemini reports thoughts beside the candidates: both are added back).
 */
export interface TokenUsage {
  /** Every prompt token, cached ones included: uncached input = inputTokens - cacheReadTokens - cacheWriteTokens. */
  inputTokens: number;
  /** Every generated token, reasoning included. */
  outputTokens: number;
  /** Prompt tokens read from the provider's prompt cache (part of inputTokens). */
  cacheReadTokens: number;
  /** Prompt tokens written to the provider's prompt cache (part of inputTokens). */
  cacheWriteTokens: number;
  /** Reasoning/thinking tokens (part of outputTokens). */
  reasoningTokens: number;
  /** Counted locally because the provider reported nothing. */
  estimated: boolean;
}

/** One configured upstream: which provider serves which upstream model, where, with which credentials. */
export interface Deployment {
  /** Stable id, shown in `x-helix-deployment` and events. */
  id: string;
  /** Key of the provider adapter in the registry (`openai`, `openai-compatible`, `mock`, ...). */
  provider: string;
  /** Model name sent upstream. */
  model: string;
  /** Base URL, e.g. `https://api.openai.com/v1`. Never taken from a request. */
  baseUrl: string;
  /** Resolved secret; never logged. */
  apiKey?: string;
  /** Extra static headers sent upstream. */
  headers?: Record<string, string>;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Provider-specific settings (api-version, region, project, mock latency ...). */
  options?: Record<string, unknown>;
}

/** An HTTP request to an upstream, fully mapped. */
export interface UpstreamRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
}

/** What a response mapping returns: the OpenAI body, and usage as a value so no provider can forget it. */
export interface MappedResponse<T> {
  body: T;
  usage: TokenUsage;
  /** The model that actually answered, as the provider reports it. */
  model: string;
}

/** One server-sent event from an upstream. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/** What one upstream stream event becomes. */
export interface MappedStreamEvent {
  chunks: ChatCompletionChunk[];
  /** Usage, when this event reports it (usually the last). */
  usage?: TokenUsage;
  /** The upstream said the stream is complete. */
  done?: boolean;
}

/** Maps a provider's stream events to OpenAI chunks. Stateful: one per stream. */
export interface StreamMapper {
  map(event: SseEvent): MappedStreamEvent;
}

export interface ChatRequestOptions {
  stream: boolean;
  /** Ask the upstream for usage on streams (`stream_options.include_usage`) where it supports it. */
  includeUsage: boolean;
}

/**
 * The provider contract (DESIGN §3). An adapter only maps; the gateway sends.
 * - `chatRequest`: OpenAI request → upstream request. Unknown fields the provider
 *   cannot take are dropped and named in `dropped`.
 * - `chatResponse`: upstream JSON → OpenAI `chat.completion`, with usage.
 * - `chatStream`: a mapper from upstream SSE events to `chat.completion.chunk`s.
 * - `error`: upstream error → the OpenAI error shape, with the status to return.
 */
export interface ChatProvider {
  readonly id: string;
  chatRequest(req: ChatRequest, dep: Deployment, opts: ChatRequestOptions): { request: UpstreamRequest; dropped: string[] };
  chatResponse(json: unknown, dep: Deployment): MappedResponse<ChatCompletion>;
  chatStream(dep: Deployment): StreamMapper;
  error(status: number, body: string, dep: Deployment): { status: number; body: OpenAIErrorBody };
}

/** Optional ability: embeddings. */
export interface EmbeddingsProvider {
  embeddingsRequest(req: EmbeddingsRequest, dep: Deployment): UpstreamRequest;
  embeddingsResponse(json: unknown, dep: Deployment): MappedResponse<EmbeddingsResponse>;
}

export const hasEmbeddings = (p: ChatProvider): p is ChatProvider & EmbeddingsProvider =>
  typeof (p as Partial<EmbeddingsProvider>).embeddingsRequest === 'function';

/**
 * Optional ability: the upstream stream is not SSE (Bedrock's AWS event-stream framing). The
 * decoder turns the body bytes into events that the adapter's `chatStream` mapper takes;
 * without it the gateway reads the body as SSE. Breaking out of the iterable closes the body.
 */
export interface StreamDecoder {
  decodeStream(body: AsyncIterable<Uint8Array>, dep: Deployment): AsyncIterable<SseEvent>;
}

export const hasStreamDecoder = (p: ChatProvider): p is ChatProvider & StreamDecoder =>
  typeof (p as Partial<StreamDecoder>).decodeStream === 'function';

/**
 * Optional ability: asynchronous work on a mapped request just before it is sent (SigV4 signing,
 * an OAuth access token fetched and cached). Called once per attempt, after `chatRequest` or
 * `embeddingsRequest`; it rejects with a `HelixError` (502, retryable) when credentials fail.
 */
export interface RequestPreparer {
  prepare(request: UpstreamRequest, dep: Deployment, signal: AbortSignal): Promise<UpstreamRequest>;
}

export const hasPrepare = (p: ChatProvider): p is ChatProvider & RequestPreparer =>
  typeof (p as Partial<RequestPreparer>).prepare === 'function';

/**
 * Optional ability: checks a deployment's provider-specific settings (`options`, `baseUrl`) so a
 * bad config fails at load, not on the first request. Returns one message per problem.
 */
export interface DeploymentChecker {
  checkDeployment(dep: Deployment): string[];
}

export const hasDeploymentCheck = (p: ChatProvider): p is ChatProvider & DeploymentChecker =>
  typeof (p as Partial<DeploymentChecker>).checkDeployment === 'function';
