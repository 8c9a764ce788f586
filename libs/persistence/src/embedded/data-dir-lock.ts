import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** An exclusive claim on a data directory, so two PGlite instances never open the same files. */
export interface DataDirLock {
  release(): void;
}

/**
 * Creates `path` holding this process id. A lock file left by a process that no longer runs is taken over;
 * one held by a live process (or by this one, through another EmbeddedPostgres) is an error.
 */
export function lockDataDir(path: string): DataDirLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (isAlive(holder)) throw new Error(`embedded database ${path} is in use by process ${holder}`);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock embedded database ${path}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
