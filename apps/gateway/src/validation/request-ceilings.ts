import type { LimitsConfig } from '@helix/config';
import { Errors } from '@helix/contracts';
import type { ChatRequest } from '@helix/providers';
import type { Endpoint } from '../pipeline/request-state.js';

/** The ceilings that bind one team: its own fields, else the defaults. */
export function ceilingsOf(limits: LimitsConfig, teamId: string): { maxMessages?: number; maxTokens?: number } {
  const own = teamId ? limits.teams.find((t) => t.teamId === teamId) : undefined;
  return { maxMessages: own?.maxMessages ?? limits.defaults.maxMessages, maxTokens: own?.maxTokens ?? limits.defaults.maxTokens };
}

/** Where the client wrote each limited field, in its own wire format. */
const PARAMS: Record<Endpoint, { messages: string; maxTokens: string }> = {
  'chat.completions': { messages: 'messages', maxTokens: 'max_tokens' },
  messages: { messages: 'messages', maxTokens: 'max_tokens' },
  responses: { messages: 'input', maxTokens: 'max_output_tokens' },
  embeddings: { messages: 'input', maxTokens: 'max_tokens' },
};

/**
 * Refuses a request past its team's ceilings with a 400 `invalid_request_error`
 * naming the field (`param`). Messages are counted after mapping to the chat
 * shape (an Anthropic `system` prompt is one of them).
 */
export function checkCeilings(body: ChatRequest, endpoint: Endpoint, ceilings: { maxMessages?: number; maxTokens?: number }): void {
  const params = PARAMS[endpoint];
  const count = Array.isArray(body.messages) ? body.messages.length : 0;
  if (ceilings.maxMessages !== undefined && count > ceilings.maxMessages) {
    throw Errors.badRequest(`Too many messages: ${count}; this team allows at most ${ceilings.maxMessages} per request.`, params.messages, 'too_many_messages');
  }
  const asked = body.max_completion_tokens ?? body.max_tokens;
  if (ceilings.maxTokens !== undefined && typeof asked === 'number' && asked > ceilings.maxTokens) {
    const param = endpoint === 'chat.completions' && body.max_completion_tokens != null ? 'max_completion_tokens' : params.maxTokens;
    throw Errors.badRequest(`${param} is ${asked}; this team allows at most ${ceilings.maxTokens}.`, param, 'max_tokens_exceeded');
  }
}
