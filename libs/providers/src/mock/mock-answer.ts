import type { ChatMessage, ChatRequest, ToolCall } from '../openai.types.js';
import { fnv1a, hex } from './hash.js';

/** What the mock says: text, or a call to one of the request's tools. */
export type MockAnswer =
  | { kind: 'text'; text: string; finishReason: 'stop' | 'length' }
  | { kind: 'tool'; call: ToolCall; finishReason: 'tool_calls' };

export const ANSWER_PREFIX = 'Mock answer to: ';
const ECHO_CHARS = 200;

/** The text of the last user message (text parts joined by a space). */
export function lastUserText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) return m.content.flatMap((p) => (typeof p.text === 'string' ? [p.text] : [])).join(' ');
    return '';
  }
  return '';
}

/** A rough, deterministic token count (4 characters a token), cheap enough for a benchmark baseline. */
export const roughTokens = (text: string): number => Math.ceil(text.length / 4);

/**
 * Deterministic from the request: `"Mock answer to: <first 200 chars of the last user message>"`,
 * cut to `max_completion_tokens`/`max_tokens` (finish `length`), or, when the request has tools
 * and `tool_choice` is not `none`, a call to the chosen (or first) tool.
 */
export function mockAnswer(req: ChatRequest): MockAnswer {
  const user = lastUserText(req.messages ?? []);
  const tool = chosenTool(req);
  if (tool) {
    const args = JSON.stringify(toolArguments(tool.parameters, user));
    return { kind: 'tool', finishReason: 'tool_calls', call: { id: `call_${hex(fnv1a(tool.name + user))}`, type: 'function', function: { name: tool.name, arguments: args } } };
  }
  const text = ANSWER_PREFIX + user.slice(0, ECHO_CHARS);
  const max = req.max_completion_tokens ?? req.max_tokens;
  if (typeof max === 'number' && max >= 0 && roughTokens(text) > max) return { kind: 'text', text: text.slice(0, max * 4), finishReason: 'length' };
  return { kind: 'text', text, finishReason: 'stop' };
}

interface ToolDef {
  name: string;
  parameters?: { properties?: Record<string, { type?: unknown }>; required?: string[] };
}

function chosenTool(req: ChatRequest): ToolDef | undefined {
  const tools = (req.tools ?? []) as { function?: ToolDef }[];
  if (tools.length === 0 || req.tool_choice === 'none') return undefined;
  const named = (req.tool_choice as { function?: { name?: string } } | undefined)?.function?.name;
  const tool = (named && tools.find((t) => t.function?.name === named)) || tools[0];
  return tool?.function?.name ? tool.function : undefined;
}

/** `{}`, or each required parameter filled deterministically (strings echo the user's text). */
function toolArguments(parameters: ToolDef['parameters'], user: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const name of parameters?.required ?? []) {
    const type = parameters?.properties?.[name]?.type;
    args[name] = type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : type === 'array' ? [] : type === 'object' ? {} : user.slice(0, 100);
  }
  return args;
}
