import type { ChatCompletion, ChatCompletionChunk, ChatRequest } from '@helix/providers';
import { answerOf, fnTool, streamedAnswer, textIn, type WireFormat } from './wire-format.js';

const STOP: Record<string, string> = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' };
const ERROR_TYPES: Record<number, string> = { 400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 529: 'overloaded_error' };
const sse = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/** Anthropic Messages (`POST …/v1/messages`) and Claude on Vertex (`…:rawPredict`, `…:streamRawPredict`). */
export const anthropicFormat: WireFormat = {
  matches: (method, route) => method === 'POST' && (route.endsWith('/messages') || /:(stream)?rawPredict$/i.test(route)),
  streams: (route, body) => body.stream === true || route.endsWith(':streamRawPredict'),
  toChatRequest(body, route): ChatRequest {
    const messages = (body.messages as { role: string; content: unknown }[] | undefined) ?? [];
    const lastUser = [...messages].reverse().find((m) => m.role === 'user');
    const choice = body.tool_choice as { type?: string; name?: string } | undefined;
    return {
      model: typeof body.model === 'string' ? body.model : (/models\/([^:]+)/.exec(route)?.[1] ?? 'claude'),
      messages: [{ role: 'user', content: textIn(lastUser?.content ?? '') }],
      tools: ((body.tools as { name: string; input_schema?: unknown }[] | undefined) ?? []).map((t) => fnTool(t.name, t.input_schema)),
      tool_choice: choice?.type === 'none' ? 'none' : choice?.type === 'tool' ? { type: 'function', function: { name: choice.name } } : undefined,
      max_tokens: body.max_tokens as number | undefined,
    };
  },
  json(c: ChatCompletion) {
    const a = answerOf(c);
    const content = a.tool ? [{ type: 'tool_use', id: a.tool.id.replace(/^call_/, 'toolu_'), name: a.tool.name, input: a.tool.args }] : [{ type: 'text', text: a.text }];
    return { id: c.id.replace(/^chatcmpl-/, 'msg_'), type: 'message', role: 'assistant', model: c.model, content, stop_reason: STOP[a.finish] ?? 'end_turn', stop_sequence: null, usage: { input_tokens: c.usage?.prompt_tokens ?? 0, output_tokens: c.usage?.completion_tokens ?? 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } };
  },
  events(chunks: ChatCompletionChunk[]) {
    const a = streamedAnswer(chunks);
    const message = { id: a.id.replace(/^chatcmpl-/, 'msg_'), type: 'message', role: 'assistant', model: a.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: a.usage.prompt_tokens, output_tokens: 1 } };
    const out = [sse('message_start', { message }), sse('ping', {})];
    if (a.tool) {
      out.push(sse('content_block_start', { index: 0, content_block: { type: 'tool_use', id: a.tool.id.replace(/^call_/, 'toolu_'), name: a.tool.name, input: {} } }));
      for (const piece of a.tool.args) out.push(sse('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: piece } }));
    } else {
      out.push(sse('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
      for (const piece of a.text) out.push(sse('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } }));
    }
    out.push(sse('content_block_stop', { index: 0 }));
    out.push(sse('message_delta', { delta: { stop_reason: STOP[a.finish] ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: a.usage.completion_tokens } }));
    out.push(sse('message_stop', {}));
    return out;
  },
  streamHeaders: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  error: (status, message) => ({ body: { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } } }),
};
