import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';

/** A synchronous bus step of the gateway (DESIGN §2): on or off, its timeout and its failure policy. */
export class PipelineStepConfig {
  /** Run the step. Off = the step is left out of the pipeline. */
  @IsBoolean() readonly enabled: boolean = false;

  /** Bus request timeout, in ms. */
  @IsInt() @Min(1) @Max(60_000) readonly timeoutMs: number = 100;

  /** When the service errors or times out, let the request through (true) or refuse it with a 503 (false). */
  @IsBoolean() readonly failOpen: boolean = false;

  /** Teams that fail open even when `failOpen` is false (an explicit, per-team choice; counted in a metric). */
  @IsString({ each: true }) readonly failOpenTeams: string[] = [];
}

/** The cache step always fails open (a cache error bypasses the cache). */
export class CacheStepConfig {
  @IsBoolean() readonly enabled: boolean = false;
  @IsInt() @Min(1) @Max(60_000) readonly timeoutMs: number = 50;
}

/** The gateway's synchronous steps. Services arrive one by one; a step stays off until its service runs. */
export class PipelineConfig {
  /** Budget reservation with the cost-service. Fails closed by default (503 `budget_unavailable`). */
  @ValidateNested() @Type(() => PipelineStepConfig) readonly budget: PipelineStepConfig = new PipelineStepConfig();

  /** PII redaction with the pii-service. Fails closed by default (503 `pii_unavailable`). */
  @ValidateNested() @Type(() => PipelineStepConfig) readonly pii: PipelineStepConfig = new PipelineStepConfig();

  /** Cache lookup with the cache-service. Fails open: errors bypass the cache. */
  @ValidateNested() @Type(() => CacheStepConfig) readonly cache: CacheStepConfig = new CacheStepConfig();
}
