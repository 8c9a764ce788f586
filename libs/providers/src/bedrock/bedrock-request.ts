import type { ChatRequest } from '../openai.types.js';
import { mapParams, type ParamTable } from '../openai-compatible/param-table.js';
import { toConversation } from '../shared/conversation.js';
import { MAPPED_BY_ADAPTER, maxTokens, requireSingleChoice, stopList } from '../shared/params.js';
import { jsonFormat } from '../shared/response-format.js';
import { toolChoice, toolDefs } from '../shared/tools.js';
import { converseMessages } from './bedrock-messages.js';
import type { BedrockSettings } from './bedrock-settings.js';

/** OpenAI parameters → `inferenceConfig`; the rest is dropped and reported. */
const PARAMS: ParamTable = {
  max_tokens: { param: 'maxTokens', transform: maxTokens },
  max_completion_tokens: { param: 'maxTokens' },
  temperature: { min: 0 },
  top_p: { param: 'topP' },
  stop: { param: 'stopSequences', transform: stopList },
};

/**
 * OpenAI chat request → Converse body. `n` > 1 is a 400; `response_format` is dropped (Converse has
 * no JSON mode); tools → `toolConfig` (required → any, a named function → tool). Converse has no
 * "none": without tool history the tools are left out, with it they stay and `tool_choice` is dropped.
 */
export function converseBody(req: ChatRequest, settings: Pick<BedrockSettings, 'maxTokens' | 'additionalFields'>): { body: Record<string, unknown>; dropped: string[] } {
  requireSingleChoice(req.n, 'Bedrock');
  const { body: inference, dropped } = mapParams(req, { table: PARAMS, unknown: 'drop', reserved: MAPPED_BY_ADAPTER });
  if (settings.maxTokens !== undefined) inference.maxTokens ??= settings.maxTokens;
  const { usesTools, ...conversation } = converseMessages(toConversation(req.messages));
  const body: Record<string, unknown> = conversation;
  if (Object.keys(inference).length) body.inferenceConfig = inference;
  const tools = toolDefs(req.tools);
  const choice = toolChoice(req.tool_choice);
  if (tools.length && (choice?.mode !== 'none' || usesTools)) {
    const toolConfig: Record<string, unknown> = {
      tools: tools.map((t) => ({ toolSpec: { name: t.name, ...(t.description ? { description: t.description } : {}), inputSchema: { json: t.parameters } } })),
    };
    if (choice?.mode === 'none') dropped.push('tool_choice');
    else if (choice) toolConfig.toolChoice = choice.mode === 'tool' ? { tool: { name: choice.name } } : choice.mode === 'required' ? { any: {} } : { auto: {} };
    body.toolConfig = toolConfig;
  }
  if (req.parallel_tool_calls === false) dropped.push('parallel_tool_calls');
  if (jsonFormat(req.response_format)) dropped.push('response_format');
  if (settings.additionalFields) body.additionalModelRequestFields = settings.additionalFields;
  return { body, dropped };
}
