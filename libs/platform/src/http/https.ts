import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance } from 'fastify';
import type { HttpTlsConfig } from '@helix/config';
import { Errors } from '@helix/contracts';
import type { Logger } from '@helix/telemetry';

const WATCH_INTERVAL_MS = 1_000;

/** The certificate, key and CA of `http.tls`, read now. */
function secureContext(tls: HttpTlsConfig): { cert: Buffer; key: Buffer; ca?: Buffer } {
  return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile), ca: tls.caFile ? readFileSync(tls.caFile) : undefined };
}

/** Node `https.createServer` options of `http.tls`: `required` refuses the handshake without a verified client certificate. */
export function httpsOptions(tls: HttpTlsConfig | undefined) {
  if (!tls) return undefined;
  return { ...secureContext(tls), requestCert: tls.clientAuth !== 'off', rejectUnauthorized: tls.clientAuth === 'required' };
}

/**
 * Reloads the certificate, key and CA when one of their files changes (polled,
 * so Kubernetes' symlink swaps of secret mounts are seen). A pair that does not
 * load is logged and the old one stays.
 */
export function watchTlsFiles(fastify: FastifyInstance, tls: HttpTlsConfig, log: Logger): void {
  const files = [tls.certFile, tls.keyFile, ...(tls.caFile ? [tls.caFile] : [])];
  const reload = (curr: { mtimeMs: number }, prev: { mtimeMs: number }) => {
    if (curr.mtimeMs === prev.mtimeMs) return;
    try {
      (fastify.server as Server).setSecureContext(secureContext(tls));
      log.info({ certFile: tls.certFile }, 'TLS certificate reloaded');
    } catch (err) {
      log.error({ err, certFile: tls.certFile }, 'TLS certificate reload failed; the previous one stays');
    }
  };
  for (const file of files) watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, reload);
  fastify.addHook('onClose', (_instance, done) => {
    for (const file of files) unwatchFile(file, reload);
    done();
  });
}

/** With `clientAuth: optional`, a client that presents a certificate that does not verify gets a 401. */
export function refuseUnverifiedClientCerts(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    const socket = req.raw.socket as TLSSocket;
    if (!socket.encrypted || socket.authorized) return done();
    const cert = socket.getPeerCertificate();
    if (!cert || Object.keys(cert).length === 0) return done();
    const err = Errors.unauthorized(`The client certificate was not accepted: ${String(socket.authorizationError)}.`);
    void reply.status(err.status).send(err.toBody());
  });
}
