const marker = 'embedded';
const engine = 'pglite';

/** The URL of an embedded server listening on 127.0.0.1:`port`. */
export function embeddedUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres?${marker}=${engine}`;
}

/**
 * True for a URL made by `EmbeddedPostgres`: one PGlite session shared by every connection, so callers
 * keep pools at one connection and never rely on session state (`SET`, session advisory locks).
 */
export function isEmbeddedUrl(url: string): boolean {
  try {
    return new URL(url).searchParams.get(marker) === engine;
  } catch {
    return false;
  }
}
