import type { ChatRequest, EmbeddingsRequest } from '../openai.types.js';
import { encodeSse, SSE_DONE } from '../sse/sse.writer.js';
import { mockChunks, mockCompletion } from './mock-chat.js';
import { mockEmbeddings } from './mock-embeddings.js';
import type { MockFailures } from './mock-failures.js';
import { headerInt, MOCK_HEADERS, settingsFor, type HeaderLookup, type MockSettings } from './mock-settings.js';

/** What a mock sends back; each transport (in-process, node:http) only writes it out. */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  /** Delay before the headers. */
  latencyMs: number;
  /** A JSON body, or SSE events (each already encoded) for streams. */
  json?: string;
  events?: string[];
  chunkDelayMs: number;
  /** Drop the connection after this many events. */
  cutAfterChunks?: number;
}

export const MOCK_MODELS = ['mock-gpt', 'mock-gpt-mini', 'mock-embedding'];

const JSON_HEADERS = { 'content-type': 'application/json' };
const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
const ERROR_TYPES: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'invalid_request_error'],
  401: ['invalid_request_error', 'invalid_api_key'],
  403: ['permission_error', 'permission_denied'],
  404: ['invalid_request_error', 'not_found'],
  429: ['requests', 'rate_limit_exceeded'],
};

/**
 * The mock's whole behaviour: route, `x-mock-*` failure switches, then a deterministic answer.
 * Routes (matched on the path's end, so any base URL works): `POST …/chat/completions`,
 * `POST …/embeddings`, `GET …/models`.
 */
export function mockReply(method: string, path: string, header: HeaderLookup, rawBody: string, defaults: MockSettings, failures: MockFailures): MockReply {
  const settings = settingsFor(defaults, header);
  const reply = (status: number, json: unknown, headers: Record<string, string> = JSON_HEADERS): MockReply => ({
    status,
    headers,
    latencyMs: settings.latencyMs,
    json: JSON.stringify(json),
    chunkDelayMs: settings.chunkDelayMs,
  });
  const route = path.split('?', 1)[0].replace(/\/+$/, '');
  if (method === 'GET' && route.endsWith('/models')) {
    return reply(200, { object: 'list', data: MOCK_MODELS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'helix-mock' })) });
  }
  const isChat = method === 'POST' && route.endsWith('/chat/completions');
  const isEmbeddings = method === 'POST' && route.endsWith('/embeddings');
  if (!isChat && !isEmbeddings) return reply(404, errorBody(404, `Unknown route ${method} ${route}.`));

  const failure = failureStatus(header, failures);
  if (failure !== undefined) {
    const retryAfter = header(MOCK_HEADERS.retryAfter);
    return reply(failure, errorBody(failure, `Mock failure (HTTP ${failure}).`), retryAfter ? { ...JSON_HEADERS, 'retry-after': retryAfter } : JSON_HEADERS);
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    return reply(400, errorBody(400, 'We could not parse the JSON body of your request.'));
  }
  if (isEmbeddings) {
    if (body?.input === undefined) return reply(400, errorBody(400, "Missing required parameter: 'input'.", 'input'));
    return reply(200, mockEmbeddings(body as EmbeddingsRequest));
  }
  if (!Array.isArray(body?.messages)) return reply(400, errorBody(400, "Missing required parameter: 'messages'.", 'messages'));
  const req = body as ChatRequest;
  if (!req.stream) return reply(200, mockCompletion(req, settings));
  const events = mockChunks(req, settings, req.stream_options?.include_usage === true).map((c) => encodeSse(c));
  events.push(encodeSse(SSE_DONE));
  return { status: 200, headers: SSE_HEADERS, latencyMs: settings.latencyMs, events, chunkDelayMs: settings.chunkDelayMs, cutAfterChunks: headerInt(header, MOCK_HEADERS.cutAfterChunks) };
}

function failureStatus(header: HeaderLookup, failures: MockFailures): number | undefined {
  const status = headerInt(header, MOCK_HEADERS.status);
  const times = headerInt(header, MOCK_HEADERS.failTimes);
  if (times === undefined) return status !== undefined && status >= 400 ? status : undefined;
  return failures.shouldFail(header(MOCK_HEADERS.failKey) ?? '', times) ? (status ?? 500) : undefined;
}

function errorBody(status: number, message: string, param: string | null = null) {
  const [type, code] = ERROR_TYPES[status] ?? (status >= 500 ? ['server_error', 'server_error'] : ['invalid_request_error', 'invalid_request_error']);
  return { error: { message, type, param, code } };
}
