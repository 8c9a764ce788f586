import { CacheStatus, ErrorCodes } from '@helix/contracts';
import { describe, expect, it } from 'vitest';
import type { RoutedDeployment } from '../models/model-catalog.js';
import { RequestState } from '../pipeline/request-state.js';
import { attemptAttributes, budgetVerdict, finishReasons, requestEndAttributes, requestStartAttributes, stepEndAttributes } from './span-attributes.js';

const PROMPT = 'Email jane.doe@example.org the quarterly numbers';
const ANSWER = 'Sure, here they are';

function answered(): RequestState {
  const s = new RequestState('chat.completions', 'c1', { model: 'gpt-test', messages: [{ role: 'user', content: PROMPT }] }, {});
  s.servedModel = 'gpt-4o-2026';
  s.deployment = { id: 'oai-main', provider: 'openai', model: 'gpt-4o' } as RoutedDeployment;
  s.usage = { inputTokens: 12, outputTokens: 7, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
  s.upstreamBody = { choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }, { index: 1, finish_reason: 'length' }] };
  s.cache.status = CacheStatus.HIT_SEMANTIC;
  s.cache.similarity = 0.97;
  s.costPicoUsd = 1_500_000_000n;
  s.budget = { reservationId: s.eventId, reservedPicoUsd: 1n, cappedMaxTokens: 0 };
  s.pii = { replacements: [{ placeholder: '<EMAIL_1>', original: 'jane.doe@example.org' }] as never, restore: true, detections: [{ entityType: 'EMAIL_ADDRESS', count: 1, operator: 'replace' }, { entityType: 'PERSON', count: 2, operator: 'replace' }] as never, blocked: false };
  s.httpStatus = 200;
  return s;
}

describe('span attributes of the gateway', () => {
  it('map a request to the GenAI conventions and the helix.* outcome', () => {
    const s = answered();
    expect(requestStartAttributes(s)).toEqual({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-test', 'helix.endpoint': 'chat.completions' });
    expect(requestEndAttributes(s)).toMatchObject({
      'gen_ai.provider.name': 'openai',
      'gen_ai.response.model': 'gpt-4o-2026',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 7,
      'gen_ai.response.finish_reasons': ['stop', 'length'],
      'helix.cache.status': 'hit_semantic',
      'helix.cache.similarity': 0.97,
      'helix.cost.usd': 0.0015,
      'helix.budget.verdict': 'allow',
      'helix.pii.entities': 3,
      'helix.pii.entities.email_address': 1,
      'helix.pii.entities.person': 2,
      'http.response.status_code': 200,
    });
  });

  it('never carry prompt, answer or detected values', () => {
    const s = answered();
    const all = JSON.stringify([requestStartAttributes(s), requestEndAttributes(s), stepEndAttributes('pii', s), stepEndAttributes('cache', s), attemptAttributes(s, s.deployment!, 1)]);
    for (const text of [PROMPT, ANSWER, 'jane.doe@example.org', '<EMAIL_1>']) expect(all).not.toContain(text);
    expect(all).toContain('gpt-test');
  });

  it('name providers by the GenAI registry and mark retries and fallbacks on attempts', () => {
    const s = answered();
    const bedrock = { id: 'br-1', provider: 'bedrock', model: 'claude' } as RoutedDeployment;
    expect(attemptAttributes(s, bedrock, 1)).toMatchObject({ 'gen_ai.provider.name': 'aws.bedrock', 'gen_ai.request.model': 'claude', 'helix.retry': false, 'helix.fallback': false });
    s.attempts.push({ deployment: 'br-1', provider: 'bedrock', model: 'claude', httpStatus: 503, errorType: 'server_error', durationMs: 3 });
    s.responseHeaders['x-helix-fallback'] = 'gpt-test->claude';
    expect(attemptAttributes(s, bedrock, 2)).toMatchObject({ 'helix.attempt': 2, 'helix.retry': true, 'helix.fallback': true });
    expect(attemptAttributes(s, { id: 'x', provider: 'ollama', model: 'm' } as RoutedDeployment, 1)['gen_ai.provider.name']).toBe('ollama');
  });

  it('give the budget verdict of every outcome', () => {
    const s = answered();
    expect(budgetVerdict(s)).toBe('allow');
    s.budget!.cappedMaxTokens = 10;
    expect(budgetVerdict(s)).toBe('capped');
    s.budget = undefined;
    expect(budgetVerdict(s)).toBe('none');
    s.errorCode = ErrorCodes.budgetExceeded;
    expect(budgetVerdict(s)).toBe('refuse');
    s.errorCode = ErrorCodes.budgetUnavailable;
    expect(budgetVerdict(s)).toBe('unavailable');
  });

  it('read finish reasons from an OpenAI body only', () => {
    expect(finishReasons(undefined)).toEqual([]);
    expect(finishReasons({ choices: 'x' })).toEqual([]);
    expect(finishReasons({ choices: [{ finish_reason: 'tool_calls' }, { finish_reason: null }] })).toEqual(['tool_calls']);
  });
});
