import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

/**
 * A local OIDC issuer for tests: discovery at `/.well-known/openid-configuration`,
 * the JWKS at `/jwks`, counts of JWKS fetches, and tokens signed with any key it
 * made (published or not). `rotate()` publishes a new key and drops the old ones.
 */
export class TestIssuer {
  jwksFetches = 0;
  private published: SigningKey[] = [];
  private server!: Server;
  issuer = '';

  static async start(): Promise<TestIssuer> {
    const t = new TestIssuer();
    t.server = createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration') return json(res, { issuer: t.issuer, jwks_uri: `${t.issuer}/jwks` });
      if (req.url === '/jwks') {
        t.jwksFetches++;
        return json(res, { keys: t.published.map((k) => k.jwk) });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => t.server.listen(0, '127.0.0.1', r));
    t.issuer = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
    t.published = [await newKey('k1')];
    return t;
  }

  /** The key that signs by default. */
  get current(): SigningKey {
    return this.published.at(-1)!;
  }

  /** Publishes a fresh key in place of every old one; returns the old current key. */
  async rotate(kid: string): Promise<SigningKey> {
    const old = this.current;
    this.published = [await newKey(kid)];
    return old;
  }

  /** A key the issuer never publishes, under a published kid (a forged signature). */
  async forger(): Promise<SigningKey> {
    const k = await newKey(this.current.kid);
    return k;
  }

  /** A token with `claims` over sane defaults: this issuer, audience `helix`, 5 minutes of life. */
  async token(claims: JWTPayload & Record<string, unknown>, opts: { key?: SigningKey; expiresIn?: string | number } = {}): Promise<string> {
    const key = opts.key ?? this.current;
    return new SignJWT({ aud: 'helix', iss: this.issuer, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '5m')
      .sign(key.privateKey);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function json(res: import('node:http').ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
