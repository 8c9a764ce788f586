import { Errors } from '@helix/contracts';
import type { ChatContentPart, ChatMessage, ChatRequest } from '@helix/providers';
import type { FunctionTool, InputItem, InputPart, MessageItem, ResponsesRequest, ToolChoice } from './responses.types.js';

/** Fields Helix cannot honour without stored state or hosted tools: refused with a 400 naming them. */
const STATEFUL: Record<string, (v: unknown) => boolean> = {
  previous_response_id: (v) => v != null,
  conversation: (v) => v != null,
  prompt: (v) => v != null,
  background: (v) => v === true,
  store: (v) => v === true,
};

const unsupported = (what: string, param: string) =>
  Errors.badRequest(`${what} is not supported by this gateway's /v1/responses (stateless text and function tools only).`, param, 'unsupported_parameter');

/**
 * A Responses request → the internal chat request. Supported: `input` as text or message /
 * function_call / function_call_output items (text and image parts), `instructions`, function
 * tools and tool_choice, `text.format` (JSON object or schema), `reasoning.effort`,
 * temperature, top_p, max_output_tokens, stream, user. Refused: stored state
 * (`previous_response_id`, `conversation`, `prompt`, `store: true`, `background`), built-in
 * tools (web_search, file_search, ...), file inputs and other item types.
 */
export function responsesToChat(req: ResponsesRequest): ChatRequest {
  for (const [field, refused] of Object.entries(STATEFUL)) if (refused(req[field])) throw unsupported(`\`${field}\``, field);
  const messages: ChatMessage[] = req.instructions ? [{ role: 'system', content: req.instructions }] : [];
  if (typeof req.input === 'string') messages.push({ role: 'user', content: req.input });
  else req.input.forEach((item, i) => addItem(messages, item, `input[${i}]`));
  const out: ChatRequest = { model: req.model, messages };
  if (req.stream) Object.assign(out, { stream: true, stream_options: { include_usage: true } });
  if (req.temperature != null) out.temperature = req.temperature;
  if (req.top_p != null) out.top_p = req.top_p;
  if (req.max_output_tokens != null) out.max_completion_tokens = req.max_output_tokens;
  if (req.user) out.user = req.user;
  if (req.reasoning?.effort) out.reasoning_effort = req.reasoning.effort;
  if (req.parallel_tool_calls != null) out.parallel_tool_calls = req.parallel_tool_calls;
  if (req.tools?.length) out.tools = req.tools.map(toTool);
  if (req.tool_choice !== undefined) out.tool_choice = toolChoice(req.tool_choice);
  const format = req.text?.format;
  if (format?.type === 'json_object') out.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') out.response_format = { type: 'json_schema', json_schema: { name: format.name, schema: format.schema, strict: format.strict ?? undefined, description: format.description } };
  return out;
}

function addItem(messages: ChatMessage[], item: InputItem, where: string): void {
  const type = (item as { type?: string }).type ?? 'message';
  if (type === 'message') {
    const m = item as MessageItem;
    messages.push({ role: m.role, content: typeof m.content === 'string' ? m.content : m.content.map((p, j) => toPart(p, `${where}.content[${j}]`)) });
    return;
  }
  if (type === 'function_call') {
    const call = item as Extract<InputItem, { type: 'function_call' }>;
    const toolCall = { id: call.call_id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } };
    const prev = messages.at(-1);
    if (prev?.role === 'assistant') prev.tool_calls = [...(prev.tool_calls ?? []), toolCall];
    else messages.push({ role: 'assistant', content: null, tool_calls: [toolCall] });
    return;
  }
  if (type === 'function_call_output') {
    const result = item as Extract<InputItem, { type: 'function_call_output' }>;
    const content = typeof result.output === 'string' ? result.output : result.output.map((p) => (p as { text?: string }).text ?? '').join('');
    messages.push({ role: 'tool', tool_call_id: result.call_id, content });
    return;
  }
  throw unsupported(`Input items of type '${type}'`, `${where}.type`);
}

function toPart(p: InputPart, where: string): ChatContentPart {
  if (p.type === 'input_text' || p.type === 'output_text') return { type: 'text', text: (p as { text?: string }).text ?? '' };
  if (p.type === 'refusal') return { type: 'text', text: (p as { refusal?: string }).refusal ?? '' };
  if (p.type === 'input_image' && (p as { image_url?: string }).image_url) {
    const image = p as { image_url: string; detail?: string };
    return { type: 'image_url', image_url: { url: image.image_url, ...(image.detail ? { detail: image.detail } : {}) } };
  }
  throw unsupported(`Content parts of type '${p.type}'${p.type === 'input_image' ? ' without image_url' : ''}`, `${where}.type`);
}

function toTool(t: FunctionTool, i: number) {
  if (t.type !== 'function') throw unsupported(`The built-in tool '${t.type}'`, `tools[${i}].type`);
  return { type: 'function', function: { name: t.name, ...(t.description ? { description: t.description } : {}), parameters: t.parameters ?? {}, ...(t.strict != null ? { strict: t.strict } : {}) } };
}

function toolChoice(choice: ToolChoice): unknown {
  if (typeof choice === 'string') return choice;
  if (choice.type === 'function' && choice.name) return { type: 'function', function: { name: choice.name } };
  throw unsupported(`tool_choice of type '${choice.type}'`, 'tool_choice');
}
