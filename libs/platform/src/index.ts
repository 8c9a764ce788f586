export { configureHttpApp, createFastifyAdapter } from './http/http-app.js';
export { OpenAIExceptionFilter } from './http/openai-exception.filter.js';
export { toHelixError } from './http/to-helix-error.js';
export { correlationId } from './http/correlation-id.js';
