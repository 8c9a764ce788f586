import type { ChatRequest } from '../openai.types.js';
import { mapParams, type ParamTable } from '../openai-compatible/param-table.js';
import { toConversation } from '../shared/conversation.js';
import { MAPPED_BY_ADAPTER, maxTokens, requireSingleChoice, stopList } from '../shared/params.js';
import { jsonFormat } from '../shared/response-format.js';
import { toolChoice, toolDefs, type ToolChoice } from '../shared/tools.js';
import { anthropicMessages } from './anthropic-messages.js';

/** Per-deployment choices of the Anthropic request mapping. */
export interface AnthropicBodySettings {
  /** `max_tokens` when the client sets none (Anthropic requires one). */
  maxTokens: number;
  /** Send `response_format: json_schema` as `output_config.format` (Claude 4.5 and newer); otherwise drop and report it. */
  structuredOutputs: boolean;
}

/** OpenAI parameters Anthropic takes; the rest is dropped and reported. */
const PARAMS: ParamTable = {
  max_tokens: { transform: maxTokens },
  max_completion_tokens: { param: 'max_tokens' },
  temperature: { min: 0, max: 1 },
  top_p: {},
  top_k: {},
  stop: { param: 'stop_sequences', transform: stopList },
  user: { param: 'metadata', transform: (v) => (typeof v === 'string' && v ? { user_id: v } : undefined) },
};

/**
 * OpenAI chat request → Anthropic Messages body (without `model`, which differs on Vertex).
 * Choices: `n` > 1 is a 400; `response_format` json_schema → `output_config.format` when the
 * deployment allows it, json_object is dropped (Anthropic needs a schema); temperature is
 * clamped to Anthropic's 0..1; `parallel_tool_calls: false` → `disable_parallel_tool_use`.
 */
export function anthropicBody(req: ChatRequest, settings: AnthropicBodySettings, stream: boolean): { body: Record<string, unknown>; dropped: string[] } {
  requireSingleChoice(req.n, 'Anthropic');
  const { body, dropped } = mapParams(req, { table: PARAMS, unknown: 'drop', reserved: MAPPED_BY_ADAPTER });
  body.max_tokens ??= settings.maxTokens;
  Object.assign(body, anthropicMessages(toConversation(req.messages)));
  const tools = toolDefs(req.tools);
  if (tools.length) body.tools = tools.map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}), input_schema: t.parameters }));
  const choice = anthropicToolChoice(toolChoice(req.tool_choice), req.parallel_tool_calls === false);
  if (choice && tools.length) body.tool_choice = choice;
  const format = jsonFormat(req.response_format);
  if (format?.kind === 'json_schema' && settings.structuredOutputs) body.output_config = { format: { type: 'json_schema', schema: format.schema } };
  else if (format) dropped.push('response_format');
  if (stream) body.stream = true;
  return { body, dropped };
}

function anthropicToolChoice(choice: ToolChoice | undefined, serial: boolean): Record<string, unknown> | undefined {
  const type = !choice ? 'auto' : choice.mode === 'required' ? 'any' : choice.mode === 'tool' ? 'tool' : choice.mode;
  if (!choice && !serial) return undefined;
  const out: Record<string, unknown> = { type };
  if (choice?.mode === 'tool') out.name = choice.name;
  if (serial && type !== 'none') out.disable_parallel_tool_use = true;
  return out;
}
