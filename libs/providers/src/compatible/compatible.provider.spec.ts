import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { compatibleProvider } from './compatible.provider.js';

const dep: Deployment = { id: 'ollama', provider: 'openai-compatible', model: 'llama3.1:8b', baseUrl: 'http://127.0.0.1:11434/v1', timeoutMs: 60_000 };
const messages = [{ role: 'user' as const, content: 'Hello' }];

describe('compatibleProvider', () => {
  it('needs no key, keeps every parameter, and targets the deployment base URL', () => {
    const { request, dropped } = compatibleProvider.chatRequest({ model: 'local', messages, max_tokens: 9, top_k: 3 }, dep, { stream: false, includeUsage: false });
    expect(request.url).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(request.headers).not.toHaveProperty('authorization');
    expect(dropped).toEqual([]);
    expect(JSON.parse(request.body!)).toEqual({ model: 'llama3.1:8b', messages, max_tokens: 9, top_k: 3 });
  });

  it('sends a bearer key when the deployment has one', () => {
    const { request } = compatibleProvider.chatRequest({ model: 'x', messages }, { ...dep, apiKey: 'gsk_123' }, { stream: false, includeUsage: false });
    expect(request.headers.authorization).toBe('Bearer gsk_123');
  });
});
