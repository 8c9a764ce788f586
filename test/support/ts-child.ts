import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const loader = fileURLToPath(new URL('./ts-loader.mjs', import.meta.url));

/** A child `node` process running a TypeScript file of the repo, with its stdout read line by line. */
export interface TsChild {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `re` (rejects if the process exits first or after `timeoutMs`). */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Kills the process (SIGKILL by default) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node --import ts-loader.mjs <script> ...args`; stderr is passed through for debugging. */
export function spawnTs(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): TsChild {
  const child = spawn(process.execPath, ['--import', loader, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters) w();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  void exited.then(() => {
    for (const w of waiters) w();
  });
  return {
    process: child,
    waitForLine(re, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no line matching ${re} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const line = lines.find((l) => re.test(l));
          if (line !== undefined) done(undefined, line);
          else if (child.exitCode !== null || child.signalCode !== null) done(new Error(`child exited (${child.exitCode ?? child.signalCode}) before ${re}`));
        };
        const done = (err?: Error, line?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (err) reject(err);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
