import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One live process per journal directory: a LOCK file with the owner's pid; a dead owner's lock is taken over. */
export class DirLock {
  private readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'LOCK');
    const owner = Number.parseInt(this.read(), 10);
    if (owner && owner !== process.pid && alive(owner)) {
      throw new Error(`journal ${dir} is in use by process ${owner}`);
    }
    writeFileSync(this.path, String(process.pid));
  }

  release(): void {
    if (this.read() === String(process.pid)) rmSync(this.path, { force: true });
  }

  private read(): string {
    try {
      return readFileSync(this.path, 'utf8');
    } catch {
      return '';
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
