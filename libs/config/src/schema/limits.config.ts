import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';

/** Ceilings of one request. Unset = no ceiling of this kind. */
export class RequestCeilingsConfig {
  /** Most messages (chat) or input items (responses) in one request. */
  @IsOptional() @IsInt() @Min(1) readonly maxMessages?: number;

  /** Largest `max_tokens` / `max_completion_tokens` / `max_output_tokens` a request may ask for. */
  @IsOptional() @IsInt() @Min(1) readonly maxTokens?: number;
}

/** Ceilings of every team that sets none: 2048 messages, no max_tokens ceiling. */
export class DefaultCeilingsConfig extends RequestCeilingsConfig {
  @IsOptional() @IsInt() @Min(1) override readonly maxMessages?: number = 2_048;
}

/** Ceilings of one team, over the defaults. */
export class TeamCeilingsConfig extends RequestCeilingsConfig {
  /** The team's id (`gateway.teams`). */
  @IsUUID() readonly teamId!: string;
}

/**
 * Per-request ceilings of the gateway, checked right after authentication; a
 * request past one gets a 400 `invalid_request_error` naming the field in `param`.
 * The body size ceiling is `http.bodyLimitBytes` (413).
 */
export class LimitsConfig {
  /** Ceilings of every team that has none of its own. Default: 2048 messages, no max_tokens ceiling. */
  @ValidateNested() @Type(() => DefaultCeilingsConfig) readonly defaults: DefaultCeilingsConfig = new DefaultCeilingsConfig();

  /** Teams with their own ceilings; a field a team leaves unset falls back to `defaults`. */
  @ValidateNested({ each: true }) @Type(() => TeamCeilingsConfig) readonly teams: TeamCeilingsConfig[] = [];
}
