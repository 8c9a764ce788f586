import { Errors } from '@helix/contracts';
import type { ChatContentPart, ChatMessage, ChatRequest } from '@helix/providers';
import type { ImageBlock, MessageParam, MessagesRequest, TextBlock, ToolParam } from './anthropic.types.js';

/**
 * An Anthropic Messages request → the internal (OpenAI) chat request, so it runs the same
 * pipeline. Client tools, images, tool results and the system prompt map one to one; thinking
 * blocks of earlier turns, `thinking` and `top_k` are left out (no common meaning across
 * providers); server tools (web search, code execution, ...) and document blocks are refused.
 */
export function messagesToChat(req: MessagesRequest): ChatRequest {
  const messages: ChatMessage[] = [];
  const system = typeof req.system === 'string' ? req.system : req.system?.map((b) => b.text).join('\n');
  if (system) messages.push({ role: 'system', content: system });
  req.messages.forEach((m, i) => messages.push(...toChatMessages(m, i)));
  const out: ChatRequest = { model: req.model, messages, max_tokens: req.max_tokens };
  if (req.stream) Object.assign(out, { stream: true, stream_options: { include_usage: true } });
  if (req.temperature !== undefined) out.temperature = req.temperature;
  if (req.top_p !== undefined) out.top_p = req.top_p;
  if (req.stop_sequences?.length) out.stop = req.stop_sequences;
  if (req.metadata?.user_id) out.user = req.metadata.user_id;
  if (req.tools?.length) out.tools = req.tools.map(toTool);
  Object.assign(out, toolChoice(req.tool_choice));
  return out;
}

function toChatMessages(m: MessageParam, i: number): ChatMessage[] {
  if (typeof m.content === 'string') return [{ role: m.role, content: m.content }];
  const out: ChatMessage[] = [];
  const parts: ChatContentPart[] = [];
  const calls: NonNullable<ChatMessage['tool_calls']> = [];
  m.content.forEach((block, j) => {
    const where = `messages[${i}].content[${j}]`;
    switch (block.type) {
      case 'text':
        parts.push({ type: 'text', text: block.text });
        break;
      case 'image':
        parts.push(imagePart(block));
        break;
      case 'tool_use':
        calls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
        break;
      case 'tool_result':
        out.push({ role: 'tool', tool_call_id: block.tool_use_id, content: toolResultText(block.content, block.is_error) });
        break;
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        throw Errors.badRequest(`Content blocks of type '${(block as { type: string }).type}' are not supported by this gateway.`, where, 'unsupported_content');
    }
  });
  if (m.role === 'assistant') {
    const text = parts.map((p) => p.text ?? '').join('');
    if (text || calls.length) out.push({ role: 'assistant', content: text || null, ...(calls.length ? { tool_calls: calls } : {}) });
  } else if (parts.length) {
    out.push({ role: 'user', content: parts.every((p) => p.type === 'text') ? parts.map((p) => p.text).join('\n') : parts });
  }
  return out;
}

function imagePart(block: ImageBlock): ChatContentPart {
  const url = block.source.type === 'url' ? block.source.url : `data:${block.source.media_type};base64,${block.source.data}`;
  return { type: 'image_url', image_url: { url } };
}

function toolResultText(content: string | (TextBlock | ImageBlock)[] | undefined, isError?: boolean): string {
  const text = typeof content === 'string' ? content : (content ?? []).map((b) => (b.type === 'text' ? b.text : '[image]')).join('\n');
  return isError ? `Error: ${text}` : text;
}

function toTool(t: ToolParam, i: number) {
  if (t.type && t.type !== 'custom') {
    throw Errors.badRequest(`The server tool '${t.type}' is not supported by this gateway; only client tools (with an input_schema) are.`, `tools[${i}].type`, 'unsupported_tool');
  }
  return { type: 'function', function: { name: t.name, ...(t.description ? { description: t.description } : {}), parameters: t.input_schema } };
}

function toolChoice(choice: MessagesRequest['tool_choice']): Partial<ChatRequest> {
  if (!choice) return {};
  const serial = choice.disable_parallel_tool_use ? { parallel_tool_calls: false } : {};
  switch (choice.type) {
    case 'any':
      return { tool_choice: 'required', ...serial };
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: choice.name } }, ...serial };
    default:
      return { tool_choice: choice.type, ...serial };
  }
}
