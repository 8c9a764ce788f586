import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { vertexAnthropicProvider } from './vertex-anthropic.provider.js';
import { vertexGeminiProvider } from './vertex-gemini.provider.js';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const credentials = { type: 'service_account', project_id: 'from-key', client_email: 'sa@from-key.iam.gserviceaccount.com', private_key: pem };
const dep: Deployment = { id: 'vx', provider: 'vertex', model: 'gemini-2.5-pro', baseUrl: '', timeoutMs: 1000, options: { credentials } };
const url = (d: Deployment, stream = false) => vertexGeminiProvider.chatRequest({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }, d, { stream, includeUsage: false }).request.url;

describe('Vertex AI adapters', () => {
  it('build regional, global and full-resource-name URLs; the project defaults to the key’s', () => {
    expect(url(dep)).toBe('https://us-central1-aiplatform.googleapis.com/v1/projects/from-key/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent');
    expect(url({ ...dep, options: { credentials, location: 'global', project: 'p2' } }, true)).toBe(
      'https://aiplatform.googleapis.com/v1/projects/p2/locations/global/publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse',
    );
    expect(url({ ...dep, model: 'projects/p/locations/europe-west4/endpoints/123' })).toBe('https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4/endpoints/123:generateContent');
  });

  it('sends Claude the Anthropic body with anthropic_version and no model', () => {
    const d = { ...dep, provider: 'vertex-anthropic', model: 'claude-opus-4-1@20250805', options: { credentials, location: 'us-east5' } };
    const { request } = vertexAnthropicProvider.chatRequest({ model: 'x', messages: [{ role: 'user', content: 'hi' }] }, d, { stream: true, includeUsage: true });
    expect(request.url).toBe('https://us-east5-aiplatform.googleapis.com/v1/projects/from-key/locations/us-east5/publishers/anthropic/models/claude-opus-4-1@20250805:streamRawPredict');
    const body = JSON.parse(request.body!);
    expect(body).toMatchObject({ anthropic_version: 'vertex-2023-10-16', stream: true, max_tokens: 4096 });
    expect(body).not.toHaveProperty('model');
    expect(request.headers).not.toHaveProperty('x-api-key');
  });

  it('reports missing or broken credentials and a bad location at load, never echoing the key', () => {
    expect(vertexGeminiProvider.checkDeployment({ ...dep, options: { credentialsFile: '/nonexistent/key.json' } })).toEqual([
      'cannot read the service-account key file /nonexistent/key.json (ENOENT)',
      'options.project is required (or a key with project_id)',
    ]);
    const broken = vertexGeminiProvider.checkDeployment({ ...dep, options: { credentials: { ...credentials, private_key: 'SECRETPEM' }, location: 'Moon Base' } });
    expect(broken).toEqual(['the service-account private_key is not a valid PEM key', 'options.project is required (or a key with project_id)', 'options.location "Moon Base" is not a Vertex AI location']);
    expect(broken.join()).not.toContain('SECRETPEM');
    expect(vertexGeminiProvider.checkDeployment(dep)).toEqual([]);
  });
});
