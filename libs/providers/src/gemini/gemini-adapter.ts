import type { ChatRequest } from '../openai.types.js';
import type { ChatProvider, ChatRequestOptions, Deployment, DeploymentChecker } from '../provider.js';
import { settingsParser, type OptionReader } from '../shared/options.js';
import { geminiError } from './gemini-error.js';
import { geminiBody, type GeminiBodySettings } from './gemini-request.js';
import { geminiCompletion } from './gemini-response.js';
import { GeminiStreamMapper } from './gemini-stream.mapper.js';

/** What differs between the Gemini API and Gemini on Vertex AI: where and how to authenticate. */
export interface GenerateContentConfig<S> {
  id: string;
  name: string;
  settings(read: OptionReader): S;
  /** The URL for `generateContent` or `streamGenerateContent?alt=sse`. */
  url(dep: Deployment, settings: S, stream: boolean): string;
  headers(dep: Deployment, settings: S): Record<string, string>;
}

/** A generateContent adapter from its config: request, response, stream and error mappings are shared. */
export function generateContentAdapter<S>(config: GenerateContentConfig<S>): ChatProvider & DeploymentChecker & { settings(dep: Deployment): S & GeminiBodySettings } {
  const parser = settingsParser((read): S & GeminiBodySettings => {
    const safety = read.dep.options?.safetySettings;
    if (safety !== undefined && !Array.isArray(safety)) read.issues.push('options.safetySettings must be a list');
    return { ...config.settings(read), safetySettings: Array.isArray(safety) ? safety : undefined, generationConfig: read.object('generationConfig') };
  });
  return {
    id: config.id,
    settings: (dep) => parser.get(dep),
    checkDeployment: (dep) => parser.check(dep),
    chatRequest(req: ChatRequest, dep: Deployment, opts: ChatRequestOptions) {
      const settings = parser.get(dep);
      const { body, dropped } = geminiBody(req, settings);
      const headers = { 'content-type': 'application/json', ...config.headers(dep, settings), ...dep.headers };
      return { request: { url: config.url(dep, settings, opts.stream), method: 'POST', headers, body: JSON.stringify(body) }, dropped };
    },
    chatResponse: (json) => geminiCompletion(json, config.name),
    chatStream: () => new GeminiStreamMapper(),
    error: (status, body, dep) => geminiError(status, body, dep, config.name),
  };
}

/** `models/gemini-2.5-flash` and `gemini-2.5-flash` name the same model. */
export const modelName = (model: string): string => model.replace(/^models\//, '');

/** The method path of generateContent, streamed as SSE or not. */
export const generateMethod = (stream: boolean): string => (stream ? ':streamGenerateContent?alt=sse' : ':generateContent');
