import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** Niceness of everything the bench runs, so other work on a shared machine yields to the measurement. */
export const BENCH_NICE = -15;

/**
 * Raises a process's share of the CPU: its niceness and, since Linux groups the CPU time of each session
 * ("autogroup") and this one runs in a session of its own, the group's. Best effort: needs root.
 */
export function boost(pid: number | 'self'): void {
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(BENCH_NICE));
  } catch {
    /* not root, or no autogroup */
  }
}

/** A process of the bench, pinned to one core, in a process group of its own (so its children stop with it). */
export interface Pinned {
  pid: number;
  process: ChildProcess;
  /** What it wrote to stdout and stderr (the last 64 KiB). */
  logs(): string;
  /** SIGTERM to the group, SIGKILL after `graceMs`, and wait for the exit. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs `cmd args` under `taskset -c core nice -n BENCH_NICE` (both exec, so `pid` is the command's own), boosted. */
export function spawnPinned(core: number, cmd: string, args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string } = {}): Pinned {
  const child = spawn('taskset', ['-c', String(core), 'nice', '-n', String(BENCH_NICE), cmd, ...args], {
    cwd: opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  boost(child.pid!);
  let out = '';
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-65_536));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    pid: child.pid!,
    process: child,
    logs: () => out,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const group = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          /* already gone */
        }
      };
      group('SIGTERM');
      const timer = setTimeout(() => group('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers `status` (any status when omitted); fails early when the process exits. */
export async function waitHttp(url: string, proc: Pinned, timeoutMs = 60_000, status?: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.process.exitCode !== null) throw new Error(`exited with ${proc.process.exitCode} before ${url} answered:\n${proc.logs()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (status === undefined || res.status === status) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${proc.logs()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
