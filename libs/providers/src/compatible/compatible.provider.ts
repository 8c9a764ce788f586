import { openAICompatible } from '../openai-compatible/openai-compatible.provider.js';

/**
 * Any OpenAI-compatible server by base URL (Ollama, vLLM, Groq, Mistral, DeepSeek, OpenRouter,
 * Together, LM Studio). The key is optional; every request parameter is kept.
 * `stream_options.include_usage` is sent unless the deployment sets `options.streamUsage: false`
 * (for servers that reject it).
 */
export const compatibleProvider = openAICompatible({
  id: 'openai-compatible',
  name: 'OpenAI-compatible upstream',
  headers: (dep): Record<string, string> => (dep.apiKey ? { authorization: `Bearer ${dep.apiKey}` } : {}),
});
