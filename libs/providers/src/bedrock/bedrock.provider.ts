import type { ChatRequest } from '../openai.types.js';
import type { ChatProvider, ChatRequestOptions, Deployment, DeploymentChecker, RequestPreparer, StreamDecoder } from '../provider.js';
import { credentialsError } from '../oauth/token-endpoint.js';
import { settingsParser } from '../shared/options.js';
import { signRequest } from './aws-signer.js';
import { bedrockError } from './bedrock-error.js';
import { converseBody } from './bedrock-request.js';
import { converseCompletion } from './bedrock-response.js';
import { bedrockSettings } from './bedrock-settings.js';
import { decodeEventStream } from './bedrock-stream.decoder.js';
import { BedrockStreamMapper } from './bedrock-stream.mapper.js';

const settings = settingsParser(bedrockSettings);

/**
 * AWS Bedrock's Converse API (`POST {baseUrl}/model/{modelId}/converse`, or `/converse-stream`,
 * whose body is AWS event-stream frames: `decodeStream`), signed with SigV4 in `prepare` (or a
 * Bedrock API key as a bearer token). Options: see `bedrockSettings`.
 */
export const bedrockProvider: ChatProvider & StreamDecoder & RequestPreparer & DeploymentChecker = {
  id: 'bedrock',
  chatRequest(req: ChatRequest, dep: Deployment, opts: ChatRequestOptions) {
    const s = settings.get(dep);
    const { body, dropped } = converseBody(req, s);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: opts.stream ? 'application/vnd.amazon.eventstream' : 'application/json',
      ...(dep.apiKey ? { authorization: `Bearer ${dep.apiKey}` } : {}),
      ...dep.headers,
    };
    const url = `${s.baseUrl}/model/${encodeURIComponent(dep.model)}/${opts.stream ? 'converse-stream' : 'converse'}`;
    return { request: { url, method: 'POST', headers, body: JSON.stringify(body) }, dropped };
  },
  chatResponse: (json, dep) => converseCompletion(json, dep.model),
  chatStream: (dep) => new BedrockStreamMapper(dep.model),
  decodeStream: (body) => decodeEventStream(body),
  error: (status, body, dep) => bedrockError(status, body, dep),
  async prepare(request, dep) {
    const signer = settings.get(dep).signer;
    if (!signer) return request;
    try {
      return await signRequest(request, signer);
    } catch (err) {
      throw credentialsError(dep.id, `no AWS credentials could be loaded (${(err as Error).name})`, err);
    }
  },
  checkDeployment: (dep) => settings.check(dep),
};
