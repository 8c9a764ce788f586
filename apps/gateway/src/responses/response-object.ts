import type { ChatUsage } from '@helix/providers';
import type { ResponsesRequest } from './responses.types.js';

export type OutputItem =
  | { type: 'message'; id: string; status: 'in_progress' | 'completed'; role: 'assistant'; content: OutputText[] }
  | { type: 'function_call'; id: string; call_id: string; name: string; arguments: string; status: 'in_progress' | 'completed' };

export interface OutputText {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete';

/** What a response echoes of its request, and its ids: fixed for the whole response. */
export interface ResponseBase {
  id: string;
  createdAt: number;
  model: string;
  request: ResponsesRequest;
}

/** The ids of a response and its items, from the request's server-made event id. */
export function responseBase(eventId: string, model: string, request: ResponsesRequest): ResponseBase {
  return { id: `resp_${eventId.replace(/-/g, '')}`, createdAt: Math.floor(Date.now() / 1000), model, request };
}

export const itemId = (base: ResponseBase, prefix: 'msg' | 'fc', index: number): string => `${prefix}_${base.id.slice(5)}_${index}`;

/** OpenAI `finish_reason` → the response's status and why it is incomplete. */
export function statusOf(finish: string | null | undefined): { status: ResponseStatus; incomplete: { reason: string } | null } {
  if (finish === 'length') return { status: 'incomplete', incomplete: { reason: 'max_output_tokens' } };
  if (finish === 'content_filter') return { status: 'incomplete', incomplete: { reason: 'content_filter' } };
  return { status: 'completed', incomplete: null };
}

export function responsesUsage(u: ChatUsage | null | undefined) {
  if (!u) return null;
  return {
    input_tokens: u.prompt_tokens,
    input_tokens_details: { cached_tokens: u.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: u.completion_tokens,
    output_tokens_details: { reasoning_tokens: u.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: u.total_tokens ?? u.prompt_tokens + u.completion_tokens,
  };
}

/** The `response` object, as returned whole or carried by the stream's lifecycle events. */
export function responseObject(base: ResponseBase, output: OutputItem[], finish: string | null | undefined, usage: ChatUsage | null | undefined, status?: ResponseStatus) {
  const r = base.request;
  const outcome = statusOf(finish);
  return {
    id: base.id,
    object: 'response',
    created_at: base.createdAt,
    status: status ?? outcome.status,
    error: null,
    incomplete_details: status === 'in_progress' ? null : outcome.incomplete,
    instructions: r.instructions ?? null,
    max_output_tokens: r.max_output_tokens ?? null,
    model: base.model,
    output,
    parallel_tool_calls: r.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: r.reasoning?.effort ?? null, summary: null },
    store: false,
    temperature: r.temperature ?? null,
    text: { format: r.text?.format ?? { type: 'text' } },
    tool_choice: r.tool_choice ?? 'auto',
    tools: r.tools ?? [],
    top_p: r.top_p ?? null,
    truncation: 'disabled',
    usage: status === 'in_progress' ? null : responsesUsage(usage),
    user: r.user ?? null,
    metadata: r.metadata ?? {},
  };
}
