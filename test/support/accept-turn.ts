import type { Server } from 'node:net';

/**
 * How many connections `server` accepts in one poll phase of the event loop, once those that
 * `open` starts have completed their TCP handshakes in the kernel while the loop was held.
 */
export async function acceptedInOnePoll(server: Server, open: () => void): Promise<number> {
  let accepted = 0;
  server.on('connection', () => accepted++);
  open();
  await new Promise((resolve) => process.nextTick(resolve)); // Node issues connect() to an IP on the next tick
  const until = Date.now() + 200;
  while (Date.now() < until); // the handshakes finish in the kernel; nothing is accepted yet
  const nextCheckPhase = () => new Promise((resolve) => setImmediate(resolve));
  await nextCheckPhase();
  const before = accepted;
  await nextCheckPhase(); // exactly one poll phase runs in between
  return accepted - before;
}
