import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionScheduler } from './session-scheduler.js';

/** A Postgres wire-protocol listener on 127.0.0.1 in front of one PGlite. */
export interface PgliteListener {
  readonly port: number;
  /** Stops listening, ends every connection (rolling back what they left open) and waits for them. */
  close(): Promise<void>;
}

/**
 * Serves `db` over TCP with pglite-socket's per-connection protocol handler and Helix's SessionScheduler
 * (see there for why pglite-socket's own server and queue are not used).
 */
export async function listenPglite(db: PGlite, opts: { port: number; maxConnections: number }): Promise<PgliteListener> {
  const scheduler = new SessionScheduler(db);
  const queryQueue = scheduler as unknown as PGLiteSocketHandlerOptions['queryQueue'];
  const handlers = new Set<PGLiteSocketHandler>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (handlers.size >= opts.maxConnections) return refuse(socket, opts.maxConnections);
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    const forget = () => handlers.delete(handler);
    handlers.add(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => (forget(), socket.destroy()));
  });
  server.listen(opts.port, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    port,
    async close() {
      const closed = once(server, 'close');
      server.close();
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** A FATAL ErrorResponse with SQLSTATE 53300 (too_many_connections), as a real server sends. */
function refuse(socket: Socket, max: number): void {
  const fields = Buffer.from(`SFATAL\0C53300\0Mtoo many connections to the embedded database (max ${max})\0\0`);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  socket.write(Buffer.concat([header, fields]), () => socket.destroy());
}
