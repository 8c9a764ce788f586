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
export { RequestLog, recordableHeaders, type RecordedRequest } from './mock/request-log.js';
export { ANSWER_PREFIX, lastUserText } from './mock/mock-answer.js';
export { mockVector } from './mock/mock-embeddings.js';
