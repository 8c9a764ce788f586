import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '@helix/bus';
import { loadConfig } from '@helix/config';
import { createDataSource } from '@helix/persistence';
import { createBus, createRedis, openDatabase } from '@helix/platform';
import { createLogger } from '@helix/telemetry';
import { TestPki, type CertFiles } from './support/certs.js';
import { startSecureNats, startSecurePostgres, startSecureRedis, type SecureServer } from './support/secure-servers.js';

const pki = new TestPki();
let ca: CertFiles, server: CertFiles, client: CertFiles;
const servers: SecureServer[] = [];

beforeAll(() => {
  ca = pki.ca('conn-ca');
  server = pki.leaf('conn-server', ca, 'server');
  client = pki.leaf('conn-client', ca, 'client');
});
afterAll(async () => {
  for (const s of servers) await s.dispose();
  pki.dispose();
});

const configOf = (overrides: Record<string, unknown>) =>
  loadConfig({ env: {}, overrides: { mode: 'distributed', service: 'gateway', database: { url: 'postgres://unused@127.0.0.1/unused' }, ...overrides } });
const quiet = (config: ReturnType<typeof configOf>) => createLogger(config, { write: () => {} });
const started = async <T extends SecureServer>(s: Promise<T>) => {
  const srv = await s;
  servers.push(srv);
  return srv;
};

/** Connects the process's bus as Helix does, proves it works with a request/reply round trip, and closes it. */
async function busWorks(nats: Record<string, unknown>): Promise<void> {
  const config = configOf({ nats: { requestTimeoutMs: 2_000, ...nats } });
  const connecting = createBus(config, quiet(config));
  const bus: Bus = await Promise.race([connecting, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('connect timed out')), 8_000))]);
  try {
    const sub = await bus.subscribe('helix.events.identity.changed.v1', () => {});
    await sub.unsubscribe();
  } finally {
    await bus.close();
  }
}

describe('NATS credentials and TLS (nats.*)', () => {
  it('user and password: right ones connect, a wrong password is refused', async () => {
    const s = await started(startSecureNats({ authorization: 'user: helix, password: "s3cret-pass"' }));
    const url = `nats://127.0.0.1:${s.port}`;
    await busWorks({ url, user: 'helix', pass: 's3cret-pass' });
    await expect(busWorks({ url, user: 'helix', pass: 'wrong' })).rejects.toThrow(/authorization|permissions/i);
  });

  it('token: the right one connects, none is refused', async () => {
    const s = await started(startSecureNats({ authorization: 'token: "tok-0123456789"' }));
    const url = `nats://127.0.0.1:${s.port}`;
    await busWorks({ url, token: 'tok-0123456789' });
    await expect(busWorks({ url })).rejects.toThrow();
  });

  it('nkey seed file and creds file: the configured key connects, another is refused', async () => {
    const user = createUser();
    const s = await started(startSecureNats({ authorization: `users: [ { nkey: "${user.getPublicKey()}" } ]` }));
    const url = `nats://127.0.0.1:${s.port}`;
    const seedFile = join(pki.dir, 'user.nk');
    writeFileSync(seedFile, `${new TextDecoder().decode(user.getSeed())}\n`);
    await busWorks({ url, nkeySeedFile: seedFile });
    const credsFile = join(pki.dir, 'user.creds');
    writeFileSync(credsFile, [
      '-----BEGIN NATS USER JWT-----', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.e30.c2ln', '------END NATS USER JWT------', '',
      '-----BEGIN USER NKEY SEED-----', new TextDecoder().decode(user.getSeed()), '------END USER NKEY SEED------', '',
    ].join('\n'));
    await busWorks({ url, credsFile });
    const stranger = join(pki.dir, 'stranger.nk');
    writeFileSync(stranger, new TextDecoder().decode(createUser().getSeed()));
    await expect(busWorks({ url, nkeySeedFile: stranger })).rejects.toThrow();
  });

  it('TLS with a client certificate: connects with CA and certificate, fails without the certificate', async () => {
    const s = await started(startSecureNats({ tls: { server, ca: ca.cert } }));
    const url = `tls://127.0.0.1:${s.port}`;
    await busWorks({ url, tls: { caFile: ca.cert, certFile: client.cert, keyFile: client.key } });
    await expect(busWorks({ url, tls: { caFile: ca.cert } })).rejects.toThrow();
  });
});

/** One PING through the hot-path client Helix builds. */
async function redisPing(redis: Record<string, unknown>): Promise<string> {
  const config = configOf({ redis });
  const r = createRedis(config, { commandTimeoutMs: 3_000 });
  try {
    await new Promise<void>((resolve, reject) => {
      r.once('ready', resolve);
      r.on('error', reject);
      setTimeout(() => reject(new Error('not ready')), 5_000);
    });
    return await r.ping();
  } finally {
    r.disconnect();
  }
}

describe('Redis credentials and TLS (redis.*)', () => {
  it('password and ACL user in the URL: right ones get in, none is refused', async () => {
    const s = await started(startSecureRedis({ password: 'redis-pass', user: { name: 'helix', password: 'acl-pass' } }));
    expect(await redisPing({ url: `redis://:redis-pass@127.0.0.1:${s.port}` })).toBe('PONG');
    expect(await redisPing({ url: `redis://helix:acl-pass@127.0.0.1:${s.port}` })).toBe('PONG');
    await expect(redisPing({ url: `redis://127.0.0.1:${s.port}` })).rejects.toThrow(/NOAUTH/);
    await expect(redisPing({ url: `redis://helix:wrong@127.0.0.1:${s.port}` })).rejects.toThrow(/WRONGPASS/);
  });

  it('TLS (rediss:// and redis.tls.caFile): verifies the server; plain TCP to the TLS port fails', async () => {
    const s = await started(startSecureRedis({ password: 'redis-pass', tls: { server, ca: ca.cert } }));
    expect(await redisPing({ url: `rediss://:redis-pass@127.0.0.1:${s.port}`, tls: { caFile: ca.cert } })).toBe('PONG');
    await expect(redisPing({ url: `redis://:redis-pass@127.0.0.1:${s.port}` })).rejects.toThrow();
    const otherCa = pki.ca('other-redis-ca');
    await expect(redisPing({ url: `rediss://:redis-pass@127.0.0.1:${s.port}`, tls: { caFile: otherCa.cert } })).rejects.toThrow();
  });
});

/** Opens the database as Helix does and asks whether this connection is encrypted. */
async function pgSsl(database: Record<string, unknown>): Promise<boolean> {
  const config = configOf({ database });
  const opened = await openDatabase(config);
  const ds = await createDataSource({ ...opened.options, poolSize: 1 }, { schema: 'public', migrations: [], entities: [] }, { runMigrations: false });
  try {
    const [row] = (await ds.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')) as { ssl: boolean }[];
    return row!.ssl;
  } finally {
    await ds.destroy();
    await opened.close();
  }
}

describe('Postgres password and TLS (database.*)', () => {
  it('connects over TLS with the password and the CA; a wrong password, no TLS, or another CA fail', async () => {
    const s = await started(startSecurePostgres({ password: 'pg-pass', server }));
    const url = (pw: string) => `postgres://helix:${pw}@127.0.0.1:${s.port}/postgres`;
    expect(await pgSsl({ url: url('pg-pass'), ssl: { caFile: ca.cert } })).toBe(true);
    await expect(pgSsl({ url: url('wrong'), ssl: { caFile: ca.cert } })).rejects.toThrow();
    await expect(pgSsl({ url: url('pg-pass') })).rejects.toThrow();
    const otherCa = pki.ca('other-pg-ca');
    await expect(pgSsl({ url: url('pg-pass'), ssl: { caFile: otherCa.cert } })).rejects.toThrow();
  });
});
