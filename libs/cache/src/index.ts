export { answerParams, cacheKeys, contentText, type CacheKeyInput, type CacheKeys, type CacheMessage } from './keys/cache-keys.js';
export { canonicalJson } from './keys/canonical-json.js';
