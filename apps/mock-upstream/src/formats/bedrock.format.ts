import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { ChatCompletion, ChatCompletionChunk, ChatRequest } from '@helix/providers';
import { answerOf, fnTool, streamedAnswer, textIn, type WireFormat } from './wire-format.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const STOP: Record<string, string> = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' };
const ERRORS: Record<number, string> = { 400: 'ValidationException', 403: 'AccessDeniedException', 404: 'ResourceNotFoundException', 408: 'ModelTimeoutException', 429: 'ThrottlingException', 503: 'ServiceUnavailableException' };

const frame = (type: string, payload: Record<string, unknown>): Uint8Array =>
  codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify({ ...payload, p: 'abcdefghijklmnop' })),
  });

/** Bedrock Converse (`POST /model/{id}/converse`) and ConverseStream (`/converse-stream`, AWS event-stream frames). */
export const bedrockFormat: WireFormat = {
  matches: (method, route) => method === 'POST' && /\/model\/[^/]+\/converse(-stream)?$/.test(route),
  streams: (route) => route.endsWith('/converse-stream'),
  toChatRequest(body, route): ChatRequest {
    const messages = (body.messages as { role: string; content: unknown }[] | undefined) ?? [];
    const lastUser = [...messages].reverse().find((m) => m.role === 'user');
    const toolConfig = body.toolConfig as { tools?: { toolSpec: { name: string; inputSchema?: { json?: unknown } } }[]; toolChoice?: { tool?: { name: string } } } | undefined;
    const named = toolConfig?.toolChoice?.tool?.name;
    return {
      model: decodeURIComponent(/\/model\/([^/]+)\//.exec(route)?.[1] ?? 'bedrock'),
      messages: [{ role: 'user', content: textIn(lastUser?.content ?? '') }],
      tools: (toolConfig?.tools ?? []).map((t) => fnTool(t.toolSpec.name, t.toolSpec.inputSchema?.json)),
      tool_choice: named ? { type: 'function', function: { name: named } } : undefined,
      max_tokens: (body.inferenceConfig as { maxTokens?: number } | undefined)?.maxTokens,
    };
  },
  json(c: ChatCompletion) {
    const a = answerOf(c);
    const content = a.tool ? [{ toolUse: { toolUseId: a.tool.id.replace(/^call_/, 'tooluse_'), name: a.tool.name, input: a.tool.args } }] : [{ text: a.text }];
    const usage = { inputTokens: c.usage?.prompt_tokens ?? 0, outputTokens: c.usage?.completion_tokens ?? 0, totalTokens: c.usage?.total_tokens ?? 0 };
    return { output: { message: { role: 'assistant', content } }, stopReason: STOP[a.finish] ?? 'end_turn', usage, metrics: { latencyMs: 0 } };
  },
  events(chunks: ChatCompletionChunk[]) {
    const a = streamedAnswer(chunks);
    const out = [frame('messageStart', { role: 'assistant' })];
    if (a.tool) {
      out.push(frame('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: a.tool.id.replace(/^call_/, 'tooluse_'), name: a.tool.name } } }));
      for (const input of a.tool.args) out.push(frame('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input } } }));
    } else {
      for (const text of a.text) out.push(frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
    }
    out.push(frame('contentBlockStop', { contentBlockIndex: 0 }), frame('messageStop', { stopReason: STOP[a.finish] ?? 'end_turn' }));
    const { prompt_tokens: inputTokens, completion_tokens: outputTokens } = a.usage;
    out.push(frame('metadata', { usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, metrics: { latencyMs: 0 } }));
    return out;
  },
  streamHeaders: { 'content-type': 'application/vnd.amazon.eventstream' },
  error(status, message) {
    const type = ERRORS[status] ?? (status >= 500 ? 'InternalServerException' : 'ValidationException');
    return { body: { message }, headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` } };
  },
};
