import type { FastifyInstance } from 'fastify';
import type { SecurityHeadersConfig } from '@helix/config';

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every response: nosniff, no framing, a referrer policy,
 * HSTS over TLS, and a CSP (the page policy on HTML, a closed one elsewhere).
 * Set at `onRequest`, so streamed answers that write headers themselves carry them too.
 */
export function addSecurityHeaders(fastify: FastifyInstance, cfg: SecurityHeadersConfig, tls: boolean): void {
  if (!cfg.enabled) return;
  const fixed: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': cfg.referrerPolicy,
    'cross-origin-opener-policy': 'same-origin',
    'content-security-policy': API_CSP,
  };
  if (tls && cfg.hstsMaxAgeSec > 0) fixed['strict-transport-security'] = `max-age=${cfg.hstsMaxAgeSec}; includeSubDomains`;
  fastify.addHook('onRequest', (_req, reply, done) => {
    reply.headers(fixed);
    done();
  });
  fastify.addHook('onSend', (_req, reply, payload, done) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', cfg.pageContentSecurityPolicy);
    done(null, payload);
  });
}
