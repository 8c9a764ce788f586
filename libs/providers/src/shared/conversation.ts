import { Errors } from '@helix/contracts';
import type { ChatContentPart, ChatMessage, ToolCall } from '../openai.types.js';
import { parseDataUrl } from './data-url.js';

/** A piece of a turn, provider-neutral. `param` names where it came from, for 400s. */
export type TurnPart =
  | { kind: 'text'; text: string; cacheControl?: unknown }
  | { kind: 'media'; mediaType: string; data: string; filename?: string; param: string; cacheControl?: unknown }
  | { kind: 'media-url'; url: string; param: string; cacheControl?: unknown }
  | { kind: 'tool-call'; id: string; name: string; args: Record<string, unknown>; call: ToolCall }
  | { kind: 'tool-result'; id: string; name: string; text: string; param: string };

export interface Turn {
  role: 'user' | 'assistant';
  parts: TurnPart[];
}

/** An OpenAI conversation in the shape Anthropic, Gemini and Bedrock share: system text apart, alternating turns. */
export interface Conversation {
  system: string[];
  turns: Turn[];
}

/**
 * OpenAI messages → a Conversation: system/developer messages lifted out, tool messages become
 * tool results in a user turn (named from the assistant call they answer), consecutive turns of
 * one role merged, empty text skipped. Throws a 400 naming the field for what no provider takes.
 */
export function toConversation(messages: ChatMessage[]): Conversation {
  const system: string[] = [];
  const turns: Turn[] = [];
  const toolNames = new Map<string, string>();
  const push = (role: Turn['role'], parts: TurnPart[]) => {
    if (parts.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else turns.push({ role, parts });
  };
  messages.forEach((m, i) => {
    const at = `messages[${i}]`;
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = textOnly(m.content, at);
        if (text) system.push(text);
        return;
      }
      case 'user':
        return push('user', contentParts(m.content, at));
      case 'assistant':
        return push('assistant', [...assistantText(m.content, at), ...toolCalls(m.tool_calls, at, toolNames)]);
      case 'tool': {
        const id = typeof m.tool_call_id === 'string' ? m.tool_call_id : '';
        if (!id) throw Errors.badRequest(`${at}.tool_call_id is required for tool messages.`, `${at}.tool_call_id`);
        return push('user', [{ kind: 'tool-result', id, name: toolNames.get(id) ?? (typeof m.name === 'string' ? m.name : ''), text: textOnly(m.content, at), param: at }]);
      }
      default:
        throw Errors.badRequest(`${at}.role "${String(m.role)}" is not supported by this provider; use "tool" messages for tool results.`, `${at}.role`);
    }
  });
  return { system, turns };
}

function contentParts(content: ChatMessage['content'], at: string): TurnPart[] {
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  return content.flatMap((part, j) => contentPart(part, `${at}.content[${j}]`));
}

function contentPart(part: ChatContentPart, param: string): TurnPart[] {
  const cacheControl = part.cache_control;
  if (part.type === 'text') return part.text ? [{ kind: 'text', text: part.text, cacheControl }] : [];
  if (part.type === 'image_url' && typeof part.image_url?.url === 'string') {
    const data = parseDataUrl(part.image_url.url);
    return [data ? { kind: 'media', ...data, param, cacheControl } : { kind: 'media-url', url: part.image_url.url, param, cacheControl }];
  }
  if (part.type === 'input_audio') {
    const audio = part.input_audio as { data?: unknown; format?: unknown } | undefined;
    if (typeof audio?.data === 'string') return [{ kind: 'media', mediaType: `audio/${String(audio.format ?? 'wav')}`, data: audio.data, param, cacheControl }];
  }
  if (part.type === 'file') {
    const file = part.file as { file_data?: unknown; filename?: unknown } | undefined;
    const data = typeof file?.file_data === 'string' ? parseDataUrl(file.file_data) : undefined;
    if (data) return [{ kind: 'media', ...data, filename: typeof file?.filename === 'string' ? file.filename : undefined, param, cacheControl }];
    throw Errors.badRequest(`${param}: only files given inline as data URLs (file.file_data) can be sent to this provider.`, param);
  }
  throw Errors.badRequest(`${param}: content parts of type "${String(part.type)}" are not supported by this provider.`, param);
}

function assistantText(content: ChatMessage['content'], at: string): TurnPart[] {
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  const text = content.flatMap((p) => (typeof p.text === 'string' ? [p.text] : typeof p.refusal === 'string' ? [p.refusal] : [])).join('');
  if (text === '' && content.length) throw Errors.badRequest(`${at}.content: assistant messages may only hold text.`, `${at}.content`);
  return text ? [{ kind: 'text', text }] : [];
}

function toolCalls(calls: ToolCall[] | undefined, at: string, names: Map<string, string>): TurnPart[] {
  return (calls ?? []).map((call, j) => {
    const param = `${at}.tool_calls[${j}].function.arguments`;
    const name = call.function?.name;
    if (typeof name !== 'string' || !name) throw Errors.badRequest(`${at}.tool_calls[${j}].function.name is required.`, `${at}.tool_calls[${j}].function.name`);
    names.set(call.id, name);
    return { kind: 'tool-call', id: call.id, name, args: parseArguments(call.function.arguments, param), call };
  });
}

function parseArguments(args: unknown, param: string): Record<string, unknown> {
  if (args === undefined || args === null || args === '') return {};
  if (typeof args === 'object' && !Array.isArray(args)) return args as Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(String(args));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw Errors.badRequest(`${param} must be a JSON object.`, param);
}

/** The text of a message whose content may only be text (system, tool). */
function textOnly(content: ChatMessage['content'], at: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p, j) => {
      if (p.type !== 'text' || typeof p.text !== 'string') throw Errors.badRequest(`${at}.content[${j}]: only text parts are supported here.`, `${at}.content[${j}]`);
      return p.text;
    })
    .join('\n');
}
