import { Errors } from '@helix/contracts';
import type { ChatRequest } from '../openai.types.js';
import { mapParams, type ParamTable } from '../openai-compatible/param-table.js';
import { toConversation } from '../shared/conversation.js';
import { MAPPED_BY_ADAPTER, maxTokens, stopList } from '../shared/params.js';
import { jsonFormat } from '../shared/response-format.js';
import { toolChoice, toolDefs, type ToolChoice } from '../shared/tools.js';
import { geminiContents } from './gemini-contents.js';

/** Per-deployment additions to the Gemini request. */
export interface GeminiBodySettings {
  /** Sent as `safetySettings`. */
  safetySettings?: unknown[];
  /** Merged under the mapped `generationConfig` (e.g. `thinkingConfig`); the client's parameters win. */
  generationConfig?: Record<string, unknown>;
}

/** OpenAI parameters → `generationConfig` fields; the rest is dropped and reported. */
const PARAMS: ParamTable = {
  max_tokens: { param: 'maxOutputTokens', transform: maxTokens },
  max_completion_tokens: { param: 'maxOutputTokens' },
  temperature: { min: 0, max: 2 },
  top_p: { param: 'topP' },
  top_k: { param: 'topK' },
  stop: { param: 'stopSequences', transform: stopList },
  presence_penalty: { param: 'presencePenalty' },
  frequency_penalty: { param: 'frequencyPenalty' },
  seed: {},
};

/**
 * OpenAI chat request → generateContent body. `n` → `candidateCount`; tools → one
 * `functionDeclarations` tool with the client's JSON Schema as `parametersJsonSchema`;
 * `tool_choice` → `functionCallingConfig` (required → ANY, a named function → ANY with
 * `allowedFunctionNames`); `response_format` → `responseMimeType` + `responseJsonSchema`;
 * `parallel_tool_calls: false` has no equivalent and is dropped.
 */
export function geminiBody(req: ChatRequest, settings: GeminiBodySettings): { body: Record<string, unknown>; dropped: string[] } {
  const { body: params, dropped } = mapParams(req, { table: PARAMS, unknown: 'drop', reserved: MAPPED_BY_ADAPTER });
  const generationConfig: Record<string, unknown> = { ...settings.generationConfig, ...params };
  if (req.n !== undefined && req.n !== null) {
    if (!Number.isInteger(req.n) || req.n < 1) throw Errors.badRequest('n must be a positive integer.', 'n');
    if (req.n > 1) generationConfig.candidateCount = req.n;
  }
  const format = jsonFormat(req.response_format);
  if (format) generationConfig.responseMimeType = 'application/json';
  if (format?.kind === 'json_schema') generationConfig.responseJsonSchema = format.schema;
  const body: Record<string, unknown> = geminiContents(toConversation(req.messages));
  const tools = toolDefs(req.tools);
  if (tools.length) {
    body.tools = [{ functionDeclarations: tools.map((t) => ({ name: t.name, ...(t.description ? { description: t.description } : {}), parametersJsonSchema: t.parameters })) }];
    const config = callingConfig(toolChoice(req.tool_choice));
    if (config) body.toolConfig = { functionCallingConfig: config };
  }
  if (req.parallel_tool_calls === false) dropped.push('parallel_tool_calls');
  if (Object.keys(generationConfig).length) body.generationConfig = generationConfig;
  if (settings.safetySettings) body.safetySettings = settings.safetySettings;
  return { body, dropped };
}

function callingConfig(choice: ToolChoice | undefined): Record<string, unknown> | undefined {
  if (!choice) return undefined;
  if (choice.mode === 'tool') return { mode: 'ANY', allowedFunctionNames: [choice.name] };
  return { mode: choice.mode === 'required' ? 'ANY' : choice.mode.toUpperCase() };
}
