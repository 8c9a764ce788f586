const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema as a quoted SQL identifier; rejects anything but a plain lower-case Postgres name. */
export function quoteSchema(schema: string): string {
  if (!identifier.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*`);
  return `"${schema}"`;
}
