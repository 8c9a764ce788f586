// The floor for any Node gateway: a bare node:http pass-through proxy with a keep-alive agent, no parsing,
// no auth, no logging. `node passthrough-proxy.mjs <port> <upstream origin>`. Plain JS so no loader runs
// beside it.
import { Agent, createServer, request } from 'node:http';

const [port, upstream] = process.argv.slice(2);
const target = new URL(upstream);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((req, res) => {
  const up = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
    (upRes) => {
      res.writeHead(upRes.statusCode, upRes.headers);
      upRes.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(up);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1', () => console.log(`passthrough listening on ${port}`));
process.on('SIGTERM', () => process.exit(0));
