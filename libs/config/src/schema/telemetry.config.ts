import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsNotEmpty, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';

/** Prometheus metrics on `GET /metrics`. */
export class MetricsConfig {
  /** Serve `/metrics`. Default true. */
  @IsBoolean() readonly enabled: boolean = true;

  /** Prefix of every Helix metric name. Fixed: dashboards and alerts rely on it. */
  @Equals('helix_') readonly prefix = 'helix_' as const;
}

/** OpenTelemetry tracing (exported over OTLP). */
export class TracingConfig {
  /** Record and export spans. Default false. */
  @IsBoolean() readonly enabled: boolean = false;

  /** Share of new traces sampled, 0 to 1; an inbound sampled `traceparent` is always followed. Default 1. */
  @IsNumber() @Min(0) @Max(1) readonly sampleRatio: number = 1;
}

/** Traces and metrics. */
export class TelemetryConfig {
  /** `service.name` of traces and the `service` field of logs. Default: `helix-<service>`. */
  @IsOptional() @IsString() @IsNotEmpty() readonly serviceName?: string;

  @ValidateNested() @Type(() => MetricsConfig) readonly metrics: MetricsConfig = new MetricsConfig();

  @ValidateNested() @Type(() => TracingConfig) readonly tracing: TracingConfig = new TracingConfig();
}
