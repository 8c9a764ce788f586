import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests each backend port received, and connects refused (moved on to the next backend). */
  /** Requests sent to each backend, connects refused, requests in flight (and the most at once), and how often each backend was taken out. */
  stats(): { sent: Record<number, number>; refused: number; inflight: number; peakInflight: number; takenOut: Record<number, number> };
  close(): Promise<void>;
}

/**
 * A tiny HTTP load balancer on loopback, as a Kubernetes Service or nginx with health checks
 * behaves: it polls each backend's `/health/ready` every 100 ms, takes a backend out when it
 * answers 503 or refuses the connection (a slow answer changes nothing) and back in on a 200, and
 * sends each request, on a new connection, to the next backend in (to any when none is); a backend that
 * refuses the connection (a replica restarting) is skipped, as nginx's `proxy_next_upstream error`
 * does, since that request never reached it. Anything else, a reset or a 5xx, goes back to the
 * client as it is.
 */
export async function startProxy(ports: number[]): Promise<RoundRobinProxy> {
  let next = 0;
  let refused = 0;
  let inflight = 0;
  let peakInflight = 0;
  const sent: Record<number, number> = Object.fromEntries(ports.map((p) => [p, 0]));
  const state = new Map<number, 'ready' | 'out'>(ports.map((p) => [p, 'ready']));
  const takenOut: Record<number, number> = Object.fromEntries(ports.map((p) => [p, 0]));
  const mark = (port: number, s: 'ready' | 'out') => {
    if (s === 'out' && state.get(port) === 'ready') takenOut[port]!++;
    state.set(port, s);
  };
  const poll = setInterval(() => {
    for (const port of ports) {
      const check = request({ host: '127.0.0.1', port, path: '/health/ready', agent: false, timeout: 2_000 }, (r) => {
        r.resume();
        mark(port, r.statusCode === 200 ? 'ready' : 'out');
      });
      check.on('timeout', () => check.destroy(new Error('slow')));
      check.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET') mark(port, 'out');
      });
      check.end();
    }
  }, 100);
  const pick = (i: number) => {
    const live = ports.filter((p) => state.get(p) === 'ready');
    return (live.length ? live : ports)[i % (live.length || ports.length)]!;
  };
  const server = createServer((req, res) => {
    peakInflight = Math.max(peakInflight, ++inflight);
    res.on('close', () => inflight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), next++, 0));
  });
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, at: number, tried: number): void => {
    const port = pick(at);
    const up = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (upRes) => {
      res.writeHead(upRes.statusCode!, { ...upRes.headers, 'x-proxy-backend': String(port) });
      upRes.pipe(res);
      upRes.on('error', () => res.destroy());
    });
    up.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && tried + 1 < ports.length * 3) {
        refused++;
        setTimeout(() => forward(req, res, body, at + 1, tried + 1), tried >= ports.length ? 100 : 0);
        return;
      }
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ proxy: err.code ?? err.message, port }));
      else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    sent[port]!++;
    up.end(body);
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({ sent: { ...sent }, refused, inflight, peakInflight, takenOut: { ...takenOut } }),
    close: () =>
      new Promise<void>((r) => {
        clearInterval(poll);
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
