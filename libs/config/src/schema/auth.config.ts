import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { JwtAuthConfig } from './jwt.config.js';

/**
 * Virtual-key authentication of the gateway. The master key itself is not a
 * config field: it comes from `HELIX_MASTER_KEY` (or, in embedded mode, from
 * `<dataDir>/master.key`, generated on first start).
 */
export class AuthConfig {
  /** How long a resolved key stays in each replica's in-process cache, in ms. Default 60000. */
  @IsInt() @Min(0) @Max(3_600_000) readonly cacheTtlMs: number = 60_000;

  /** How long an unknown or revoked key is remembered as refused, in ms. Default 5000. */
  @IsInt() @Min(0) @Max(600_000) readonly negativeCacheTtlMs: number = 5_000;

  /** Most keys (known and refused together) held in the cache. Default 10000. */
  @IsInt() @Min(1) @Max(10_000_000) readonly cacheMaxEntries: number = 10_000;

  /** SSO: bearer JWTs from an OIDC issuer, beside virtual keys. Omit to accept keys only. */
  @IsOptional() @ValidateNested() @Type(() => JwtAuthConfig) readonly jwt?: JwtAuthConfig;
}
