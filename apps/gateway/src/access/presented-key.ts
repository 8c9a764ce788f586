const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * The key a client presents: `Authorization: Bearer <key>` (OpenAI clients), else
 * `x-api-key: <key>` (Anthropic-style clients). Undefined when neither holds one.
 */
export function presentedKey(header: (name: string) => string | undefined): string | undefined {
  const authorization = header('authorization');
  const bearer = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  return bearer ?? (header('x-api-key')?.trim() || undefined);
}

/** Reads a header from Node/Fastify's lower-cased header map. */
export function headerReader(headers: Record<string, string | string[] | undefined>): (name: string) => string | undefined {
  return (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
}
