import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { OPENAI_BASE_URL, openaiProvider } from './openai.provider.js';

const dep: Deployment = { id: 'oai', provider: 'openai', model: 'gpt-4o-mini', baseUrl: '', apiKey: 'sk-test', timeoutMs: 30_000 };
const messages = [{ role: 'user' as const, content: 'Hello' }];

describe('openaiProvider', () => {
  it('sends a bearer key to api.openai.com, with organization and project when configured', () => {
    const plain = openaiProvider.chatRequest({ model: 'x', messages }, dep, { stream: false, includeUsage: false }).request;
    expect(plain.url).toBe(`${OPENAI_BASE_URL}/chat/completions`);
    expect(plain.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer sk-test' });
    const scoped = openaiProvider.chatRequest({ model: 'x', messages }, { ...dep, options: { organization: 'org-1', project: 'proj_2' } }, { stream: false, includeUsage: false });
    expect(scoped.request.headers).toMatchObject({ 'openai-organization': 'org-1', 'openai-project': 'proj_2' });
  });

  it('sends max_tokens as max_completion_tokens, the client’s max_completion_tokens winning', () => {
    const body = (req: Record<string, unknown>) => JSON.parse(openaiProvider.chatRequest({ model: 'x', messages, ...req }, dep, { stream: false, includeUsage: false }).request.body!);
    expect(body({ max_tokens: 50 })).toMatchObject({ max_completion_tokens: 50 });
    expect(body({ max_tokens: 50 })).not.toHaveProperty('max_tokens');
    expect(body({ max_tokens: 50, max_completion_tokens: 20 })).toMatchObject({ max_completion_tokens: 20 });
  });
});
