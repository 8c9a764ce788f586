import { PatternRecognizer } from '../../analyzer/pattern.recognizer.js';
import { Entities } from '../../entities.js';
import { entropy } from '../checksums.js';
import { vendorKeyPatterns } from './vendor-keys.js';

/**
 * A key body that is a placeholder rather than a key: one character repeated
 * (`sk_test_BBBB…`, `hf_xxxx…`). Keys with counting runs or the vendors'
 * documented example keys are still reported: redacting a look-alike costs
 * nothing, missing a key does.
 */
export function looksFake(value: string): boolean {
  const body = value.replace(/^[A-Za-z]{1,12}[_-](?:(?:live|test|proj|api|pat)[_-])?/, '');
  return /^(.)\1+$/.test(body) || /(.)\1{11,}/.test(body) || /your[_-]|<|\$\{|placeholder|redacted/i.test(value);
}

/** Vendor API keys by their documented prefixes (the ones secretlint's preset does not know). */
export const vendorKeyRecognizer = () => new PatternRecognizer({ name: 'vendor-keys', entity: Entities.apiKey, patterns: vendorKeyPatterns(), validate: (v) => !looksFake(v) });

/** A JWT: base64url parts whose header decodes to JSON naming an `alg` or `typ` (two parts only when the payload is JSON too: an unsigned token). */
export const jwtRecognizer = () =>
  new PatternRecognizer({
    name: 'jwt',
    entity: Entities.jwt,
    patterns: [{ name: 'jwt', gate: 'eyJ', regex: /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}={0,2}\.(?:eyJ)?[A-Za-z0-9_-]{4,}={0,2}(?:\.[A-Za-z0-9_-]*={0,2})?(?![\w.-])/g, score: 1 }],
    validate: (value) => {
      const [header, payload, signature] = value.split('.');
      if (signature === undefined && !payload!.startsWith('eyJ')) return false;
      try {
        const h = JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')) as Record<string, unknown>;
        if (typeof h !== 'object' || h === null || !('alg' in h || 'typ' in h)) return false;
        const p = Buffer.from(payload!, 'base64url').toString('utf8');
        return p.startsWith('{') ? (JSON.parse(p), true) : 0.6;
      } catch {
        return false;
      }
    },
  });

/** PEM and OpenSSH private keys, also inside JSON strings (escaped newlines) or cut short (no END line), and bare secp256k1/ed25519 hex keys with context. */
export const privateKeyRecognizer = () =>
  new PatternRecognizer({
    name: 'private-key',
    entity: Entities.privateKey,
    patterns: [
      { name: 'pem', regex: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,16384}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-{3,5}/g, score: 1, gate: '-----BEGIN' },
      { name: 'pem-body', regex: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:\\[nr]|\s)*[A-Za-z0-9+/=]{64,}(?:(?:\\[nr]|\s)+[A-Za-z0-9+/=]{8,})*/g, score: 1, gate: '-----BEGIN' },
      { name: 'hex-key', regex: /(?<![\w])(?:0x)?[a-fA-F0-9]{64}(?![\w])/g, score: 0.3, gate: (_, ctx) => ctx.tokens.maxLength >= 64 },
    ],
    context: ['private key', 'privatekey', 'private_key', 'secret key', 'secp256k1', 'wallet key', 'signing key', 'seed'],
    validate: (value) => !value.startsWith('-----') || /[A-Za-z0-9+/=]{64,}/.test(value.replace(/\\[nr]|\s/g, '')),
  });

/** `scheme://user:password@host` for databases, brokers and any URL that carries credentials. */
export const connectionStringRecognizer = () =>
  new PatternRecognizer({
    name: 'connection-string',
    entity: Entities.connectionString,
    patterns: [
      {
        name: 'credentials-url',
        gate: '://',
        regex: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:@\/"'`<>]{1,128}:[^\s@\/"'`<>]{1,256}@[^\s"'`<>;)]+[^\s"'`<>;).,]/gi,
        score: 0.9,
      },
      {
        name: 'ado-style',
        gate: /(?:password|pwd)=/i,
        regex: /\b(?:Server|Data Source|Host)=[^;"'\n]+;(?:[^;"'\n]+;)*?\s*(?:Password|Pwd)=[^;"'\n]+;?/gi,
        score: 0.9,
      },
    ],
    validate: credentialsInUrl,
  });

/** A URL's credentials are a secret unless they are a template, a mask, or a default (user = password, "password", "changeme"). */
export function credentialsInUrl(value: string): boolean | number {
  const [, user, pass] = /:\/\/([^:]*):([^@]*)@/.exec(value) ?? [];
  if (user !== undefined && (pass === user || /^(?:\*+|x+|password|pass|secret|changeme)$/i.test(pass ?? ''))) return 0.3;
  return !/[$%]\(|\$\{|<[^>]*>|\{\{/.test(value);
}

/** At least 8 characters with both letters and digits: a session id or a token, not `theme=dark`. */
const randomLooking = (v: string) => v.length >= 8 && /\d/.test(v) && /[A-Za-z]/.test(v);

/** Bearer tokens, `Authorization:` values, cookie headers, and `token=`/`session=`/`api_key=`-style assignments whose value looks random. */
export const authTokenRecognizer = () =>
  new PatternRecognizer({
    name: 'auth-token',
    entity: Entities.authToken,
    group: 1,
    patterns: [
      { name: 'bearer', regex: /\b(?:bearer|token|basic)\s+([A-Za-z0-9._~+\/-]{16,}={0,2})(?![\w-])/gi, score: 0.8 },
      {
        name: 'assignment',
        regex: /(?:api[_ -]?key|apikey|access[_ -]?(?:token|key)|auth[_-]?token|refresh[_-]?token|id[_-]?token|secret(?:[_ -]?key)?|subscription[_ -]?key|private[_ -]?key|client[_-]?secret|session[_-]?id|sessionid|session|sess|password|passwd|pwd|token|sid|x-api-key)["']?\s*(?::=|[:=])\s*["']?([A-Za-z0-9._~+\/=-]{12,})/gi,
        score: 0.8,
      },
      { name: 'cookie', regex: /\b(?:set-)?cookie:[ \t]*([^\s;=]+=[^\r\n]*[^\s;])/gi, score: 0.8, gate: /cookie:/i },
    ],
    context: ['authorization', 'cookie', 'set-cookie', 'session', 'oauth', 'header'],
    validate: (value) => {
      if (/^(?:x+|\*+)$|^(?:your[_-]|<|\$\{|example|placeholder|redacted|null|undefined|true|false)/i.test(value)) return false;
      if (/^<[A-Z_]+_\d+>$/.test(value)) return false;
      if (value.includes('=')) return value.split(/[;&]\s*/).some((pair) => randomLooking(pair.slice(pair.indexOf('=') + 1)));
      return entropy(value) >= 3.2 && randomLooking(value);
    },
  });
