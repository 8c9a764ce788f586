import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Defaults of the per-key and per-team rate limits. A key or team that sets its
 * own `rpm`/`tpm` uses that; one that sets none uses these; absent = unlimited.
 */
export class RateLimitsConfig {
  /** Requests per minute of a key that sets none. Default: unlimited. */
  @IsOptional() @IsInt() @Min(1) readonly keyRpm?: number;

  /** Tokens per minute of a key that sets none. Default: unlimited. */
  @IsOptional() @IsInt() @Min(1) readonly keyTpm?: number;

  /** Requests per minute of a team that sets none. Default: unlimited. */
  @IsOptional() @IsInt() @Min(1) readonly teamRpm?: number;

  /** Tokens per minute of a team that sets none. Default: unlimited. */
  @IsOptional() @IsInt() @Min(1) readonly teamTpm?: number;

  /**
   * Completion tokens counted up front for a request that sets no `max_tokens`
   * (settled against the real usage after the response). Default 1024.
   */
  @IsInt() @Min(0) @Max(1_000_000) readonly defaultCompletionTokens: number = 1_024;

  /**
   * When the limits cannot be checked (Redis down): `open` serves the request
   * unlimited, `closed` answers 503. Either way `helix_rate_limit_errors_total` counts it. Default `open`.
   */
  @IsIn(['open', 'closed']) readonly onError: 'open' | 'closed' = 'open';
}
