/** What the store logs through: a pino logger fits as is. */
export interface ConfigLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const line = (level: string) => (fields: object, message: string) => {
  const plain = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
  );
  process.stderr.write(`${JSON.stringify({ level, msg: message, ...plain })}\n`);
};

/** Until the app hands the store its logger (`useLogger`), JSON lines on stderr. */
export const stderrLogger: ConfigLogger = { info: line('info'), warn: line('warn'), error: line('error') };
