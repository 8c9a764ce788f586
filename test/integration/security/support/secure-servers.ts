import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBinDir, sparePort, waitForPort } from '../../../support/servers.js';
import type { CertFiles } from './certs.js';

/** A private server on a spare loopback port, with TLS and/or credentials. */
export interface SecureServer {
  port: number;
  dispose(): Promise<void>;
}

function launched(port: number, dir: string, cmd: string, args: string[]): Promise<SecureServer> {
  const proc = spawn(cmd, args, { stdio: 'ignore' });
  const dispose = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return waitForPort(port).then(
    () => ({ port, dispose }),
    async (err: unknown) => {
      await dispose();
      throw err;
    },
  );
}

/**
 * nats-server with JetStream, the given `authorization { ... }` block (user/password,
 * token or nkey users), and TLS with client verification when `tls` is given.
 */
export async function startSecureNats(opts: { authorization?: string; tls?: { server: CertFiles; ca: string } }): Promise<SecureServer> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-nats-sec-'));
  const conf = join(dir, 'nats.conf');
  writeFileSync(conf, [
    `listen: 127.0.0.1:${port}`,
    'max_payload: 8388608',
    `jetstream { store_dir: "${join(dir, 'js')}", max_memory_store: 64MB, max_file_store: 256MB }`,
    opts.authorization ? `authorization { ${opts.authorization} }` : '',
    opts.tls ? `tls { cert_file: "${opts.tls.server.cert}", key_file: "${opts.tls.server.key}", ca_file: "${opts.tls.ca}", verify: true, timeout: 2 }` : '',
  ].join('\n'));
  return launched(port, dir, 'nats-server', ['-c', conf]);
}

/** redis-server with `requirepass` and an ACL user, on a plain port or, with `tls`, a TLS-only port (client certificates not required). */
export async function startSecureRedis(opts: { password: string; user?: { name: string; password: string }; tls?: { server: CertFiles; ca: string } }): Promise<SecureServer> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-redis-sec-'));
  const args = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--requirepass', opts.password];
  if (opts.user) args.push('--user', opts.user.name, 'on', `>${opts.user.password}`, '~*', '&*', '+@all');
  if (opts.tls) {
    args.push('--port', '0', '--tls-port', String(port), '--tls-cert-file', opts.tls.server.cert, '--tls-key-file', opts.tls.server.key, '--tls-ca-cert-file', opts.tls.ca, '--tls-auth-clients', 'no');
  } else {
    args.push('--port', String(port));
  }
  return launched(port, dir, 'redis-server', args);
}

/**
 * A Postgres cluster that only takes TLS connections with a password (SCRAM):
 * `hostssl ... scram-sha-256` for user `helix`, and nothing else over TCP.
 */
export async function startSecurePostgres(opts: { password: string; server: CertFiles }): Promise<SecureServer> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-pg-sec-'));
  const bin = postgresBinDir();
  const asPostgres = process.getuid?.() === 0;
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${opts.password}\n`);
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  copyFileSync(opts.server.cert, cert);
  copyFileSync(opts.server.key, key);
  chmodSync(key, 0o600);
  if (asPostgres) spawnSync('chown', ['-R', 'postgres', dir]);
  const as = (cmd: string, args: string[]) => (asPostgres ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args]) as [string, string[]];
  const init = spawnSync(...as('initdb', ['-D', data, '-U', 'helix', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8']), { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhostssl all helix 127.0.0.1/32 scram-sha-256\n');
  if (asPostgres) spawnSync('chown', ['-R', 'postgres', dir]);
  const [cmd, args] = as('postgres', ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'ssl=on', '-c', `ssl_cert_file=${cert}`, '-c', `ssl_key_file=${key}`]);
  return launched(port, dir, cmd, args);
}
