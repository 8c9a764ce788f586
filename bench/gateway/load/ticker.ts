import { Worker } from 'node:worker_threads';

/**
 * The open loop's clock: a worker thread sleeps on a futex (`Atomics.wait`, sub-millisecond) until the next
 * send is due and then tells the main thread how many sends are due by now. libuv timers fire a millisecond
 * late on average, which would be counted as latency; this wakes the load generator within tens of µs and
 * burns no CPU while it waits.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { startNs, intervalNs, count } = workerData;
const cell = new Int32Array(new SharedArrayBuffer(4));
const start = BigInt(startNs);
let next = 0;
while (next < count) {
  const waitMs = (next * intervalNs - Number(process.hrtime.bigint() - start)) / 1e6;
  if (waitMs > 0) Atomics.wait(cell, 0, 0, waitMs);
  const elapsed = Number(process.hrtime.bigint() - start);
  next = Math.min(count, Math.floor(elapsed / intervalNs) + 1);
  parentPort.postMessage(next);
}
`;

/** Calls `fire(i, scheduledNs)` for i = 0..count-1 at `startNs + i × 1e9/rate` (process.hrtime.bigint clock, as a number). */
export function schedule(rate: number, count: number, fire: (i: number, scheduledNs: number) => void): { startNs: number; done: Promise<void> } {
  const startNs = Number(process.hrtime.bigint()) + 20e6;
  const intervalNs = 1e9 / rate;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { startNs, intervalNs, count } });
  let sent = 0;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (upTo: number) => {
      for (; sent < upTo; sent++) fire(sent, startNs + sent * intervalNs);
      if (sent >= count) void worker.terminate().then(() => resolve());
    });
    worker.once('error', reject);
  });
  return { startNs, done };
}
