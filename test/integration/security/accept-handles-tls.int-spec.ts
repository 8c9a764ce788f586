import { Agent, createServer, get, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '@helix/telemetry';
import { addAcceptHandles } from '../../../libs/platform/src/http/accept-handles.js';
import { acceptedInOnePoll } from '../../support/accept-turn.js';
import { TestPki } from './support/certs.js';

const CLIENTS = 20;
const warnings: unknown[] = [];
const log = { warn: (o: unknown) => warnings.push(o), error: (o: unknown) => warnings.push(o) } as unknown as Logger;

describe('extra accept handles on an HTTPS server', () => {
  const pki = new TestPki();
  let server: Server;
  let ca: Buffer;

  beforeAll(async () => {
    const root = pki.ca('accept-ca');
    ca = pki.read(root).cert;
    server = createServer(pki.read(pki.leaf('server', root, 'server')), (_req, res) => res.end('ok over tls'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await addAcceptHandles(server, 7, 511, log);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    pki.dispose();
  });

  it('accepts up to 8 queued connections in one poll phase, and each finishes its TLS handshake and request', async () => {
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ ca, maxSockets: CLIENTS, keepAlive: false });
    let answers: Promise<string>[] = [];
    const open = () =>
      (answers = Array.from(
        { length: CLIENTS },
        () =>
          new Promise<string>((resolve, reject) =>
            get({ host: '127.0.0.1', port, path: '/', agent, servername: 'localhost' }, (res) => {
              let body = '';
              res.on('data', (c: Buffer) => (body += c));
              res.on('end', () => resolve(body));
            }).on('error', reject),
          ),
      ));
    expect(await acceptedInOnePoll(server, open)).toBe(8);
    expect(await Promise.all(answers)).toEqual(Array.from({ length: CLIENTS }, () => 'ok over tls'));
    expect(warnings).toEqual([]);
    agent.destroy();
  });
});
