/** DI token of the cache-service's use cases (`CacheCore`). */
export const CACHE_CORE = Symbol('CACHE_CORE');
