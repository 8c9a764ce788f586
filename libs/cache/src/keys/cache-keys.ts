import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** A chat message as the cache sees it: text only; other parts carry a hash of their content. */
export interface CacheMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: unknown;
  tool_call_id?: string;
}

/** What decides an answer, besides the messages. Values equal to the OpenAI default are dropped. */
const SAMPLING: Record<string, unknown> = {
  temperature: 1,
  top_p: 1,
  n: 1,
  seed: undefined,
  max_tokens: undefined,
  max_completion_tokens: undefined,
  stop: undefined,
  logprobs: false,
  top_logprobs: undefined,
  presence_penalty: 0,
  frequency_penalty: 0,
  logit_bias: undefined,
  tools: undefined,
  tool_choice: undefined,
  parallel_tool_calls: true,
  response_format: undefined,
  reasoning_effort: undefined,
  modalities: undefined,
  audio: undefined,
  prediction: undefined,
  verbosity: undefined,
  web_search_options: undefined,
};

export interface CacheKeyInput {
  /** `team:<org>/<team>`, `org:<org>` or `key:<key>`: whose entries a request may read. */
  scope: string;
  /** The requested model after any swap policy. */
  model: string;
  namespace: string;
  messages: CacheMessage[];
  params: Record<string, unknown>;
}

export interface CacheKeys {
  /** Everything that changes the answer. */
  exactKey: string;
  /** Tenant, model, namespace, and the context of the last user turn: semantic matches stay inside it. */
  partitionKey: string;
  /** The last user turn's text, embedded for semantic lookup. */
  queryText: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The sampling parameters that change an answer, without their default values. */
export function answerParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, dflt] of Object.entries(SAMPLING)) {
    const v = params[k];
    if (v !== undefined && v !== null && canonicalJson(v) !== canonicalJson(dflt)) out[k] = v;
  }
  if (out.max_completion_tokens === undefined && out.max_tokens !== undefined) out.max_completion_tokens = out.max_tokens;
  delete out.max_tokens;
  return out;
}

/** The text of a message's content: a string, or its text parts joined. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p): p is { type: string; text: string } => !!p && (p as { type?: string }).type === 'text')
    .map((p) => p.text)
    .join('\n');
}

/**
 * The exact key and the semantic partition of a (redacted) chat request.
 * SHA-256 over canonical JSON, so key order and default values never split an entry.
 */
export function cacheKeys(input: CacheKeyInput): CacheKeys {
  const params = answerParams(input.params);
  const base = { scope: input.scope, model: input.model, namespace: input.namespace };
  const messages = input.messages.map(({ role, content, name, tool_calls, tool_call_id }) => ({ role, content, name, tool_calls, tool_call_id }));
  const last = findLastUserIndex(messages);
  const context = messages.filter((_, i) => i !== last);
  return {
    exactKey: sha256(canonicalJson({ v: 1, ...base, messages, params })),
    partitionKey: sha256(canonicalJson({ v: 1, ...base, context, params })),
    queryText: last >= 0 ? contentText(messages[last]!.content) : '',
  };
}

function findLastUserIndex(messages: { role: string }[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === 'user') return i;
  return -1;
}
