import { Redis } from 'ioredis';
import type { HelixConfig } from '@helix/config';
import { tlsOptions } from './tls.js';

/**
 * A Redis client for the hot path: commands fail fast while Redis is away
 * (no offline queue, one retry, a command timeout), so each caller's failure
 * policy decides, instead of requests piling up behind a dead connection.
 */
export function createRedis(config: HelixConfig, opts: { commandTimeoutMs?: number; name?: string } = {}): Redis {
  return new Redis(config.redis.url, {
    tls: tlsOptions(config.redis.tls),
    connectionName: opts.name ?? `helix-${config.service}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: opts.commandTimeoutMs ?? 1_000,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
    lazyConnect: false,
  });
}
