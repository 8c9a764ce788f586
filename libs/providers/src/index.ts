export * from './provider.js';
export * from './openai.types.js';
export * from './registry.js';

export { openAICompatible, type OpenAICompatibleConfig } from './openai-compatible/openai-compatible.provider.js';
export { mapParams, type ParamMapping, type ParamRule, type ParamTable } from './openai-compatible/param-table.js';
export { OpenAIStreamMapper, UpstreamStreamError } from './openai-compatible/stream.mapper.js';
export { mapUpstreamError, upstreamError } from './openai-compatible/upstream-error.js';
export { noUsage, normalizeUsage, usageMissing } from './openai-compatible/usage.js';
export { OPENAI_BASE_URL, openaiProvider } from './openai/openai.provider.js';
export { compatibleProvider } from './compatible/compatible.provider.js';

export type { SendOptions, UpstreamResponse, UpstreamTransport } from './http/upstream.transport.js';
export { UndiciTransport, type UndiciTransportOptions } from './http/undici.transport.js';
export { UpstreamConnectionError, UpstreamTimeoutError, abortReason, isAbortError } from './http/upstream.errors.js';

export { SseParser, readSse } from './sse/sse.parser.js';
export { SSE_DONE, encodeSse } from './sse/sse.writer.js';

export { countChatTokens, encodingFor, estimateTokens } from './tokens/token-count.js';

export { MOCK_BASE_URL, mockProvider } from './mock/mock.provider.js';
export { MockTransport } from './mock/mock.transport.js';
export { mockReply, MOCK_MODELS, type MockReply } from './mock/mock-reply.js';
export { DEFAULT_MOCK_SETTINGS, MOCK_HEADERS, settingsFor, type HeaderLookup, type MockSettings } from './mock/mock-settings.js';
export { MockFailures } from './mock/mock-failures.js';
export { seededRandom } from './mock/hash.js';
export { RequestLog, recordableHeaders, type RecordedRequest } from './mock/request-log.js';
export { ANSWER_PREFIX, lastUserText } from './mock/mock-answer.js';
export { mockVector } from './mock/mock-embeddings.js';

export { prepareRequest, upstreamEvents } from './shared/upstream-calls.js';
export { OptionReader, deploymentError, settingsParser } from './shared/options.js';
export { mapProviderError, type ProviderErrorInfo, type ProviderErrorReader } from './shared/provider-error.js';
export { chatUsage, tokenUsage, type UsageCounts } from './shared/usage.js';
export { ANTHROPIC_BASE_URL, ANTHROPIC_VERSION, anthropicProvider } from './anthropic/anthropic.provider.js';
export { DEFAULT_MAX_TOKENS } from './anthropic/anthropic-adapter.js';
export { AnthropicStreamMapper } from './anthropic/anthropic-stream.mapper.js';
export { AZURE_API_VERSION, type EntraClient } from './azure/azure-settings.js';
export { azureOpenAI, azureProvider } from './azure/azure.provider.js';
export { clientCredentialsToken, type AzureTokenProvider } from './azure/azure-entra.js';
export { GEMINI_BASE_URL, geminiProvider } from './gemini/gemini.provider.js';
export { GeminiStreamMapper } from './gemini/gemini-stream.mapper.js';
export { vertexGeminiProvider } from './vertex/vertex-gemini.provider.js';
export { VERTEX_ANTHROPIC_VERSION, vertexAnthropicProvider } from './vertex/vertex-anthropic.provider.js';
export { CLOUD_PLATFORM_SCOPE, googleAccessToken } from './google-auth/google-token.js';
export { jwtAssertion } from './google-auth/jwt-assertion.js';
export { GOOGLE_TOKEN_URI, parseServiceAccount, type ServiceAccount } from './google-auth/service-account.js';
export { CachedToken, REFRESH_MARGIN_MS, TokenCache, type AccessToken } from './oauth/cached-token.js';
export { credentialsError, requestToken } from './oauth/token-endpoint.js';
export { bedrockProvider } from './bedrock/bedrock.provider.js';
export { awsSigner, signRequest } from './bedrock/aws-signer.js';
export { decodeEventStream } from './bedrock/bedrock-stream.decoder.js';
export { BedrockStreamMapper } from './bedrock/bedrock-stream.mapper.js';
export { mockAnswer, type MockAnswer } from './mock/mock-answer.js';
export { mockChunks, mockCompletion } from './mock/mock-chat.js';
