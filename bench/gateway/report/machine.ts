import { cpus, release, totalmem } from 'node:os';

/** The machine line of the doc: CPU model, cores, RAM, kernel, Node. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, Node ${process.version}`;
}
