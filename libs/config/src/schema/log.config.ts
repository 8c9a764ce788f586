import { IsBoolean, IsIn } from 'class-validator';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Logging: pino JSON lines on stdout. */
export class LogConfig {
  /** Lowest level written. Env: `LOG_LEVEL`. Default `info`. */
  @IsIn(LOG_LEVELS) readonly level: LogLevel = 'info';

  /** Human-readable colored lines instead of JSON, for a terminal. Default false. */
  @IsBoolean() readonly pretty: boolean = false;
}
