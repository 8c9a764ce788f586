import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private NATS, Redis and Postgres instances on spare loopback ports, for suites
 * that need a server configured differently from the machine's shared one, or
 * that must stop and start it (fault tests). The machine's shared servers are
 * never touched.
 */
export interface PrivateServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stop the process (SIGTERM, then SIGKILL) and keep its data. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Start it again on the same port and data. */
  restart(): Promise<void>;
  /** Stop and delete its data. */
  dispose(): Promise<void>;
}

export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function managed(port: number, url: string, dir: string, launch: () => ChildProcess): Promise<PrivateServer> {
  let proc = launch();
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const server: PrivateServer = {
    url,
    port,
    get process() {
      return proc;
    },
    stop,
    async restart() {
      await stop();
      proc = launch();
      await waitForPort(port);
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return waitForPort(port).then(() => server);
}

/** nats-server with JetStream and a raised max_payload. */
export async function startNats(opts: { maxPayloadMb?: number } = {}): Promise<PrivateServer> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-nats-'));
  const conf = join(dir, 'nats.conf');
  writeFileSync(
    conf,
    [
      `listen: 127.0.0.1:${port}`,
      `max_payload: ${(opts.maxPayloadMb ?? 8) * 1024 * 1024}`,
      `jetstream { store_dir: "${join(dir, 'js')}", max_memory_store: 256MB, max_file_store: 2GB }`,
    ].join('\n'),
  );
  return managed(port, `nats://127.0.0.1:${port}`, dir, () =>
    spawn('nats-server', ['-c', conf], { stdio: 'ignore' }),
  );
}

/** redis-server without persistence, or with an append-only file (`persist`, as a deployment keeping budget counters runs it), so a stop and start keeps the data. */
export async function startRedis(opts: { persist?: boolean } = {}): Promise<PrivateServer> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-redis-'));
  return managed(port, `redis://127.0.0.1:${port}`, dir, () =>
    spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', opts.persist ? 'yes' : 'no', '--dir', dir], {
      stdio: 'ignore',
    }),
  );
}

/** Postgres' binaries, found without a hard-coded version path. */
export function postgresBinDir(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const candidates = [fromConfig.status === 0 ? fromConfig.stdout.trim() : ''];
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  const dir = candidates.find((d) => d && existsSync(join(d, 'initdb')));
  if (!dir) throw new Error('Postgres binaries (initdb, postgres) not found');
  return dir;
}

/** A throwaway Postgres cluster (trust auth) on a spare port. */
export async function startPostgres(): Promise<PrivateServer> {
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'helix-pg-'));
  const bin = postgresBinDir();
  const asPostgres = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asPostgres ? spawn('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'ignore' }) : spawn(join(bin, cmd), args, { stdio: 'ignore' });
  if (asPostgres) spawnSync('chown', ['postgres', dir]);
  const init = spawnSync(asPostgres ? 'runuser' : join(bin, 'initdb'), [
    ...(asPostgres ? ['-u', 'postgres', '--', join(bin, 'initdb')] : []),
    '-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8',
  ], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  return managed(port, `postgres://postgres@127.0.0.1:${port}/postgres`, dir, () =>
    run('postgres', ['-D', join(dir, 'data'), '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off']),
  );
}
