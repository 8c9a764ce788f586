import type { ChatCompletion, ChatCompletionChunk, ChatRequest } from '@helix/providers';
import { answerOf, fnTool, streamedAnswer, textIn, type WireFormat } from './wire-format.js';

const FINISH: Record<string, string> = { stop: 'STOP', length: 'MAX_TOKENS', tool_calls: 'STOP' };
const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };
const usageMetadata = (u: { prompt_tokens: number; completion_tokens: number } | undefined) => ({
  promptTokenCount: u?.prompt_tokens ?? 0,
  candidatesTokenCount: u?.completion_tokens ?? 0,
  totalTokenCount: (u?.prompt_tokens ?? 0) + (u?.completion_tokens ?? 0),
});

/** Gemini generateContent (`…/models/{m}:generateContent`, `:streamGenerateContent?alt=sse`), on the Gemini API and Vertex alike. */
export const geminiFormat: WireFormat = {
  matches: (method, route) => method === 'POST' && /:(stream)?generateContent$/i.test(route),
  streams: (route) => route.endsWith(':streamGenerateContent'),
  toChatRequest(body, route): ChatRequest {
    const contents = (body.contents as { role?: string; parts?: unknown[] }[] | undefined) ?? [];
    const lastUser = [...contents].reverse().find((c) => c.role !== 'model');
    const declarations = ((body.tools as { functionDeclarations?: { name: string; parametersJsonSchema?: unknown; parameters?: unknown }[] }[] | undefined) ?? []).flatMap((t) => t.functionDeclarations ?? []);
    const calling = (body.toolConfig as { functionCallingConfig?: { mode?: string; allowedFunctionNames?: string[] } } | undefined)?.functionCallingConfig;
    const named = calling?.allowedFunctionNames?.[0];
    return {
      model: /models\/([^:]+)/.exec(route)?.[1] ?? 'gemini',
      messages: [{ role: 'user', content: textIn(lastUser?.parts ?? '') }],
      tools: declarations.map((d) => fnTool(d.name, d.parametersJsonSchema ?? d.parameters)),
      tool_choice: calling?.mode === 'NONE' ? 'none' : named ? { type: 'function', function: { name: named } } : undefined,
      max_tokens: (body.generationConfig as { maxOutputTokens?: number } | undefined)?.maxOutputTokens,
    };
  },
  json(c: ChatCompletion) {
    const a = answerOf(c);
    const parts = a.tool ? [{ functionCall: { name: a.tool.name, args: a.tool.args } }] : [{ text: a.text }];
    return { candidates: [{ content: { role: 'model', parts }, finishReason: FINISH[a.finish] ?? 'STOP', index: 0 }], usageMetadata: usageMetadata(c.usage), modelVersion: c.model, responseId: c.id.replace(/^chatcmpl-/, '') };
  },
  events(chunks: ChatCompletionChunk[]) {
    const a = streamedAnswer(chunks);
    const event = (parts: unknown[], last: boolean) =>
      `data: ${JSON.stringify({
        candidates: [{ content: { role: 'model', parts }, ...(last ? { finishReason: FINISH[a.finish] ?? 'STOP' } : {}), index: 0 }],
        ...(last ? { usageMetadata: usageMetadata(a.usage) } : {}),
        modelVersion: a.model,
        responseId: a.id.replace(/^chatcmpl-/, ''),
      })}\r\n\r\n`;
    if (a.tool) return [event([{ functionCall: { name: a.tool.name, args: JSON.parse(a.tool.args.join('') || '{}') } }], true)];
    const pieces = a.text.length ? a.text : [''];
    return pieces.map((piece, i) => event([{ text: piece }], i === pieces.length - 1));
  },
  streamHeaders: { 'content-type': 'text/event-stream' },
  error: (status, message) => ({ body: { error: { code: status, message, status: STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION') } } }),
};
