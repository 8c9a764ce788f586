import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { TlsConfig } from './tls.config.js';
import { IsServiceUrl } from './validators.js';

/** The Redis connection (distributed mode only): cache entries, rate limits, budget counters. */
export class RedisConfig {
  /** Server URL; `rediss://` for TLS. Env: `REDIS_URL`. Default `redis://127.0.0.1:6379`. */
  @IsServiceUrl(['redis', 'rediss']) readonly url: string = 'redis://127.0.0.1:6379';

  /** Put before every key, so several deployments can share one Redis. Default `helix:`. */
  @Matches(/^[^\s{}]*:$/, { message: "must end with ':' and hold no spaces or braces" })
  readonly keyPrefix: string = 'helix:';

  /** TLS options (CA, client certificate); omit to use the URL's scheme alone. */
  @IsOptional() @ValidateNested() @Type(() => TlsConfig) readonly tls?: TlsConfig;
}
