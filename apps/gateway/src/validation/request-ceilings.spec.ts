import { describe, expect, it } from 'vitest';
import { loadConfig } from '@helix/config';
import { HelixError } from '@helix/contracts';
import type { ChatRequest } from '@helix/providers';
import { ceilingsOf, checkCeilings } from './request-ceilings.js';

const TEAM = '01900000-0000-7000-8000-0000000000b1';
const limits = loadConfig({ env: {}, overrides: { limits: { defaults: { maxMessages: 3, maxTokens: 100 }, teams: [{ teamId: TEAM, maxTokens: 1000 }] } } }).limits;
const msgs = (n: number) => Array.from({ length: n }, () => ({ role: 'user' as const, content: 'hi' }));
const body = (extra: Partial<ChatRequest>): ChatRequest => ({ model: 'm', messages: msgs(1), ...extra });

function refused(fn: () => void): HelixError {
  try {
    fn();
  } catch (err) {
    return err as HelixError;
  }
  throw new Error('not refused');
}

describe('request ceilings', () => {
  it('takes a team its own fields and the defaults for the rest', () => {
    expect(ceilingsOf(limits, TEAM)).toEqual({ maxMessages: 3, maxTokens: 1000 });
    expect(ceilingsOf(limits, 'another')).toEqual({ maxMessages: 3, maxTokens: 100 });
    expect(ceilingsOf(limits, '')).toEqual({ maxMessages: 3, maxTokens: 100 });
  });

  it('passes a request at the ceilings', () => {
    expect(() => checkCeilings(body({ messages: msgs(3), max_tokens: 100 }), 'chat.completions', ceilingsOf(limits, ''))).not.toThrow();
  });

  it('refuses too many messages with a 400 naming the field of the wire format', () => {
    for (const [endpoint, param] of [['chat.completions', 'messages'], ['messages', 'messages'], ['responses', 'input']] as const) {
      const err = refused(() => checkCeilings(body({ messages: msgs(4) }), endpoint, ceilingsOf(limits, '')));
      expect(err.status).toBe(400);
      expect(err.toBody().error).toMatchObject({ type: 'invalid_request_error', param, code: 'too_many_messages' });
    }
  });

  it('refuses max_tokens over the team ceiling, naming the field the client used', () => {
    const c = ceilingsOf(limits, TEAM);
    expect(refused(() => checkCeilings(body({ max_tokens: 1001 }), 'chat.completions', c)).param).toBe('max_tokens');
    expect(refused(() => checkCeilings(body({ max_completion_tokens: 1001 }), 'chat.completions', c)).param).toBe('max_completion_tokens');
    expect(refused(() => checkCeilings(body({ max_completion_tokens: 1001 }), 'responses', c)).param).toBe('max_output_tokens');
    expect(() => checkCeilings(body({ max_tokens: 1000 }), 'chat.completions', c)).not.toThrow();
  });
});
