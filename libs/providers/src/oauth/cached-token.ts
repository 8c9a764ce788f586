/** An access token and when it stops working (epoch ms). */
export interface AccessToken {
  token: string;
  expiresAt: number;
}

/** Refresh this long before expiry, so a token never expires in flight. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One access token, fetched on first use and reused until `REFRESH_MARGIN_MS` before it expires.
 * Concurrent callers share one fetch; a failed fetch is not cached (the next call tries again).
 */
export class CachedToken {
  private current: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<AccessToken>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.current.expiresAt - REFRESH_MARGIN_MS > this.now()) return this.current.token;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    this.current = await this.pending;
    return this.current.token;
  }
}

/** Cached tokens by a key naming the credentials (never the secret itself). */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  get(key: string, fetchToken: () => Promise<AccessToken>): Promise<string> {
    let cached = this.tokens.get(key);
    if (!cached) {
      cached = new CachedToken(fetchToken);
      this.tokens.set(key, cached);
    }
    return cached.get();
  }
}
