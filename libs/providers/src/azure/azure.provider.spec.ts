import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { azureOpenAI, azureProvider } from './azure.provider.js';

const dep: Deployment = { id: 'az', provider: 'azure', model: 'gpt-4o', baseUrl: 'https://acme.openai.azure.com/', apiKey: 'k', timeoutMs: 1000 };
const chat = (d: Deployment) => azureProvider.chatRequest({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }, d, { stream: false, includeUsage: false }).request;

describe('azureProvider', () => {
  it('builds deployment URLs with api-version, from baseUrl or options.resource, for chat and embeddings', () => {
    expect(chat(dep).url).toBe('https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
    expect(chat({ ...dep, baseUrl: '', options: { resource: 'other', deployment: 'prod 1', apiVersion: '2025-04-01-preview' } }).url).toBe(
      'https://other.openai.azure.com/openai/deployments/prod%201/chat/completions?api-version=2025-04-01-preview',
    );
    expect(azureProvider.embeddingsRequest({ model: 'x', input: 'a' }, { ...dep, baseUrl: 'https://acme.openai.azure.com/openai' }).url).toBe(
      'https://acme.openai.azure.com/openai/deployments/gpt-4o/embeddings?api-version=2024-10-21',
    );
    expect(chat(dep).headers).toMatchObject({ 'api-key': 'k' });
  });

  it('gets Entra tokens from the token provider seam instead of sending the key', async () => {
    const seen: string[] = [];
    const provider = azureOpenAI(async (client) => (seen.push(client.scope), 'entra-token'));
    const entra = { ...dep, options: { entra: { tenantId: 't', clientId: 'c', clientSecret: 's' } } };
    const { request } = provider.chatRequest({ model: 'x', messages: [] }, entra, { stream: false, includeUsage: false });
    expect(request.headers).not.toHaveProperty('api-key');
    expect((await provider.prepare(request, entra, new AbortController().signal)).headers.authorization).toBe('Bearer entra-token');
    expect(seen).toEqual(['https://cognitiveservices.azure.com/.default']);
    expect(await provider.prepare(chat(dep), dep, new AbortController().signal)).toEqual(chat(dep));
  });

  it('reports a missing endpoint, credentials or Entra fields at load', () => {
    expect(azureProvider.checkDeployment({ ...dep, baseUrl: '' })).toEqual(['baseUrl (https://{resource}.openai.azure.com) or options.resource is required']);
    expect(azureProvider.checkDeployment({ ...dep, apiKey: undefined })).toEqual(['an apiKey or options.entra client credentials are required']);
    expect(azureProvider.checkDeployment({ ...dep, options: { entra: { tenantId: 't' } } })).toEqual(['options.entra.clientId is required', 'options.entra.clientSecret is required']);
    expect(azureProvider.checkDeployment(dep)).toEqual([]);
  });
});
