import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '@helix/telemetry';

/** A libuv listening handle, as `net.Server` keeps it in `_handle` (a `TCP` wrap). */
type ListenHandle = object;

/**
 * Run by a short-lived child process: it gets the listening socket over IPC and sends it back
 * `copies` times. Each trip through `SCM_RIGHTS` gives the parent a new descriptor of the same
 * socket. The child never listens on it, so it never accepts a connection; the parent kills it
 * once the copies are in.
 */
const DUPLICATOR = `
process.on('message', (msg, handle) => {
  for (let i = 0; i < msg.copies; i++) process.send({ copy: i }, handle);
});`;

const DUPLICATE_TIMEOUT_MS = 10_000;

/** `copies` new descriptors of `server`'s listening socket, as raw handles, from a child process. */
async function duplicateListenHandle(server: Server, copies: number): Promise<ListenHandle[]> {
  const handle = (server as unknown as { _handle?: ListenHandle })._handle;
  if (!handle) throw new Error('the server is not listening');
  const child = spawn(process.execPath, ['-e', DUPLICATOR], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: {} });
  const handles: ListenHandle[] = [];
  try {
    const all = new Promise<void>((resolve, reject) => {
      child.on('message', (_msg, h) => {
        if (h) handles.push(h as ListenHandle);
        if (handles.length === copies) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the duplicating process exited (${code}) after ${handles.length} of ${copies} copies`)));
    });
    await once(child, 'spawn');
    child.send({ copies }, handle as never);
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), DUPLICATE_TIMEOUT_MS).unref())]);
    return handles;
  } catch (err) {
    for (const h of handles) (h as { close?(): void }).close?.();
    throw err;
  } finally {
    // The child holds a descriptor of the socket too: wait until it is gone, so closing the server closes the socket.
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  }
}

/**
 * Extra accept handles on an HTTP server's listening socket.
 *
 * Node 20 and later (libuv 1.45+) accept one connection per listening handle per event-loop
 * turn (libuv#3696, nodejs/node#57364). A gateway under load spends 50-300 ms in one turn, so new
 * connections wait in the kernel's accept queue for seconds, up to a client's timeout, while the
 * connections already open are served. Each extra handle is another descriptor of the same socket
 * in the same event loop, so a turn accepts up to `1 + extra` connections. Connections accepted by
 * an extra handle go to `server` as if it had accepted them (HTTP and TLS alike).
 *
 * The extra handles stop listening when `server.close()` is called. If the descriptors cannot be
 * had (no child process allowed), it logs a warning and the server keeps its one handle.
 */
export async function addAcceptHandles(server: Server, extra: number, backlog: number, log: Logger): Promise<void> {
  if (extra < 1 || !server.listening) return;
  let handles: ListenHandle[];
  try {
    handles = await duplicateListenHandle(server, extra);
  } catch (err) {
    log.warn({ err, extra }, 'could not add accept handles; the server accepts one connection per event-loop turn');
    return;
  }
  const acceptors = handles.map((h) => {
    const acceptor = createServer({ allowHalfOpen: true, noDelay: true }, (socket: Socket) => void server.emit('connection', socket));
    acceptor.on('error', (err) => log.error({ err }, 'an accept handle failed'));
    return acceptor.listen(h, backlog);
  });
  const close = server.close.bind(server);
  server.close = ((callback?: (err?: Error) => void) => {
    for (const acceptor of acceptors) acceptor.close();
    return close(callback);
  }) as Server['close'];
}
