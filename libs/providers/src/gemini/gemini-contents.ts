import { Errors } from '@helix/contracts';
import type { Conversation, TurnPart } from '../shared/conversation.js';
import { isRecord } from '../shared/provider-error.js';
import type { GeminiContent, GeminiPart } from './gemini.types.js';

const BY_EXTENSION: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf' };

/** A Conversation → Gemini `contents` (roles user/model) and `systemInstruction`. */
export function geminiContents(conv: Conversation): { contents: GeminiContent[]; systemInstruction?: { parts: GeminiPart[] } } {
  const contents = conv.turns.map((t): GeminiContent => ({ role: t.role === 'assistant' ? 'model' : 'user', parts: t.parts.map(part) }));
  return conv.system.length ? { contents, systemInstruction: { parts: [{ text: conv.system.join('\n\n') }] } } : { contents };
}

function part(p: TurnPart): GeminiPart {
  switch (p.kind) {
    case 'text':
      return { text: p.text };
    case 'media':
      return { inlineData: { mimeType: p.mediaType, data: p.data } };
    case 'media-url': {
      const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(p.url)?.[1]?.toLowerCase() ?? '';
      const mimeType = BY_EXTENSION[ext];
      if (!mimeType) throw Errors.badRequest(`${p.param}: give this file as a data URL; Gemini cannot tell the type of ${p.url.slice(0, 100)}.`, p.param);
      return { fileData: { mimeType, fileUri: p.url } };
    }
    case 'tool-call': {
      const out: GeminiPart = { functionCall: { name: p.name, args: p.args } };
      const signature = thoughtSignature(p.call);
      if (signature) out.thoughtSignature = signature;
      return out;
    }
    case 'tool-result': {
      if (!p.name) throw Errors.badRequest(`${p.param}: Gemini needs the function name of a tool result; send the assistant message with its tool_calls before it.`, `${p.param}.tool_call_id`);
      return { functionResponse: { name: p.name, response: toolResponse(p.text) } };
    }
  }
}

/** A tool result as Gemini's `response` object: the JSON object itself, or `{content: text}`. */
function toolResponse(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
  } catch {
    // plain text
  }
  return { content: text };
}

/** Gemini's thought signature, carried in a tool call the way Google's OpenAI-compatible API returns it. */
const thoughtSignature = (call: unknown): string | undefined => {
  const google = isRecord(call) && isRecord(call.extra_content) ? call.extra_content.google : undefined;
  return isRecord(google) && typeof google.thought_signature === 'string' ? google.thought_signature : undefined;
};
