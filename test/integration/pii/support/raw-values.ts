/**
 * Finds raw personal values in captured bytes (events, logs, keys, rows): as
 * plain UTF-8, JSON-escaped, base64 and base64url. Protobuf carries strings as
 * plain UTF-8, so the plain form covers encoded messages too.
 */
export function rawValuesIn(captured: Uint8Array | string, values: readonly string[]): string[] {
  const haystack = typeof captured === 'string' ? captured : Buffer.from(captured).toString('latin1');
  const asLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  return values.filter((v) =>
    [v, JSON.stringify(v).slice(1, -1), Buffer.from(v).toString('base64'), Buffer.from(v).toString('base64url')].some((form) => haystack.includes(asLatin1(form))),
  );
}
