import type { ChatCompletion } from '@helix/providers';
import { itemId, responseObject, type OutputItem, type ResponseBase } from './response-object.js';

/** A chat completion → a Responses `response`: a message item with the text, then one item per tool call. */
export function chatToResponse(completion: ChatCompletion, base: ResponseBase) {
  const choice = completion.choices[0];
  const output: OutputItem[] = [];
  const text = typeof choice?.message.content === 'string' ? choice.message.content : '';
  if (text) output.push({ type: 'message', id: itemId(base, 'msg', 0), status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] });
  for (const call of choice?.message.tool_calls ?? []) {
    output.push({ type: 'function_call', id: itemId(base, 'fc', output.length), call_id: call.id, name: call.function.name, arguments: call.function.arguments ?? '', status: 'completed' });
  }
  return responseObject(base, output, choice?.finish_reason, completion.usage);
}
