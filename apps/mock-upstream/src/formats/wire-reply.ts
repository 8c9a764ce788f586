import { mockReply, type ChatCompletion, type ChatCompletionChunk, type HeaderLookup, type MockFailures, type MockSettings } from '@helix/providers';
import { anthropicFormat } from './anthropic.format.js';
import { bedrockFormat } from './bedrock.format.js';
import { geminiFormat } from './gemini.format.js';
import type { WireFormat, WireReply } from './wire-format.js';

/** The provider formats besides OpenAI's, tried in order. */
export const WIRE_FORMATS: readonly WireFormat[] = [anthropicFormat, geminiFormat, bedrockFormat];

export const wireFormatFor = (method: string, route: string): WireFormat | undefined => WIRE_FORMATS.find((f) => f.matches(method, route));

/**
 * The mock's answer in a provider's format: the request read as OpenAI's, answered by `mockReply`
 * (so latency, chunk delays, cuts and `x-mock-*` failures behave the same), written back in the format.
 */
export function wireReply(format: WireFormat, route: string, header: HeaderLookup, rawBody: string, settings: MockSettings, failures: MockFailures): WireReply {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(rawBody) as Record<string, unknown>;
  } catch {
    const error = format.error(400, 'The request body is not valid JSON.');
    return { status: 400, headers: { 'content-type': 'application/json', ...error.headers }, latencyMs: settings.latencyMs, json: JSON.stringify(error.body), chunkDelayMs: 0 };
  }
  const stream = format.streams(route, body);
  const chat = { ...format.toChatRequest(body, route), ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) };
  const reply = mockReply('POST', '/v1/chat/completions', header, JSON.stringify(chat), settings, failures);
  if (reply.status >= 400) {
    const message = (JSON.parse(reply.json!) as { error: { message: string } }).error.message;
    const error = format.error(reply.status, message);
    return { ...reply, headers: { ...reply.headers, ...error.headers }, json: JSON.stringify(error.body) };
  }
  if (reply.json !== undefined) return { ...reply, json: JSON.stringify(format.json(JSON.parse(reply.json) as ChatCompletion)) };
  const chunks = reply.events!.flatMap((e) => {
    const data = e.replace(/^data: /, '').trim();
    return data === '[DONE]' ? [] : [JSON.parse(data) as ChatCompletionChunk];
  });
  return { ...reply, headers: format.streamHeaders, events: format.events(chunks) };
}
