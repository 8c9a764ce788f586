import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const TICKS_PER_S = 100;

function stat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return undefined;
  }
}

/** `root` and every process below it, read from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** user + system CPU of the processes, in ms (every thread counts). */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) ticks += stat(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_S;
}

/** Resident memory of the processes, in MB (VmRSS summed). */
export function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

/** CPU and peak RSS of one process tree over a stretch of load: `start()`, load, `stop()`. */
export class TreeMeter {
  private pids: number[] = [];
  private cpu0 = 0;
  private peak = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly root: number) {}

  start(): void {
    this.pids = processTree(this.root);
    this.cpu0 = cpuMs(this.pids);
    this.peak = rssMb(this.pids);
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, rssMb(this.pids))), 100);
  }

  /** CPU ms spent since `start()` and the peak RSS seen, in MB. */
  stop(): { cpuMs: number; peakRssMb: number } {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, rssMb(this.pids));
    return { cpuMs: cpuMs(this.pids) - this.cpu0, peakRssMb: this.peak };
  }
}
