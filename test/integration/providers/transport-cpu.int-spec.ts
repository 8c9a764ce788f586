import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compatibleProvider, UndiciTransport, type Deployment } from '@helix/providers';
import { spawnMockUpstream, type MockUpstreamProcess } from './mock-upstream.process.js';

/**
 * Measures (does not assert) the CPU the undici transport costs per non-streaming request, against
 * mock-upstream in its own process so that only the client's CPU is counted. The gateway's whole
 * budget is about 150 µs per request; the transport should stay well under 50 µs. Rounds alternate
 * between variants and the minimum and median are printed, as a shared machine makes single runs noisy.
 */
const REQUESTS = 5_000;
const ROUNDS = 4;
const CONCURRENCY = 32;
const WARMUP = 2_000;

let upstream: MockUpstreamProcess;
const transport = new UndiciTransport();

beforeAll(async () => {
  upstream = await spawnMockUpstream();
});
afterAll(async () => {
  await transport.close();
  await upstream?.stop();
});

/** A process's CPU time in µs from /proc (Linux; 10 ms ticks, so only meaningful over many requests). */
function procCpuUs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

async function round(one: () => Promise<number>): Promise<{ cpuUs: number; ok: number }> {
  let next = 0;
  let ok = 0;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) if ((await one()) === 200) ok++;
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  return { cpuUs: (user + system) / REQUESTS, ok };
}

describe('undici transport CPU per request (measured, not asserted)', () => {
  it(`sends ${ROUNDS}×${REQUESTS} non-streaming requests per variant to mock-upstream (a child process, started from main.ts)`, async () => {
    const dep: Deployment = { id: 'bench', provider: 'openai-compatible', model: 'mock-gpt', baseUrl: upstream.baseUrl, timeoutMs: 30_000 };
    const chat = { model: 'alias', messages: [{ role: 'user' as const, content: 'Hello there, this is a benchmark message of moderate size.' }] };
    const { request } = compatibleProvider.chatRequest(chat, dep, { stream: false, includeUsage: false });
    const pool = new Pool(upstream.url, { pipelining: 1 });
    const variants: Record<string, () => Promise<number>> = {
      'transport: send + text()': async () => {
        const res = await transport.send(request, { signal: new AbortController().signal, timeoutMs: 30_000 });
        await res.text();
        return res.status;
      },
      'adapter + transport: chatRequest, send, json(), chatResponse': async () => {
        const { request: req } = compatibleProvider.chatRequest(chat, dep, { stream: false, includeUsage: false });
        const res = await transport.send(req, { signal: new AbortController().signal, timeoutMs: 30_000 });
        compatibleProvider.chatResponse(await res.json(), dep);
        return res.status;
      },
      'baseline: undici pool.request + body.text()': async () => {
        const res = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers: request.headers, body: request.body, signal: new AbortController().signal });
        await res.body.text();
        return res.statusCode;
      },
    };
    for (const one of Object.values(variants)) for (let i = 0; i < WARMUP; i++) await one();
    const results = new Map<string, number[]>();
    const serverBefore = procCpuUs(upstream.process.pid!);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, one] of Object.entries(variants)) {
        const { cpuUs, ok } = await round(one);
        expect(ok).toBe(REQUESTS);
        results.set(name, [...(results.get(name) ?? []), cpuUs]);
      }
    }
    const serverAfter = procCpuUs(upstream.process.pid!);
    await pool.close();
    if (serverBefore !== undefined && serverAfter !== undefined) {
      const served = ROUNDS * REQUESTS * Object.keys(variants).length;
      console.log(`[transport-cpu] mock-upstream server: ${((serverAfter - serverBefore) / served).toFixed(1)} µs CPU/request`);
    }
    for (const [name, xs] of results) {
      xs.sort((a, b) => a - b);
      console.log(`[transport-cpu] ${name}: min ${xs[0].toFixed(1)} µs, median ${xs[Math.floor(xs.length / 2)].toFixed(1)} µs CPU/request (${CONCURRENCY} concurrent)`);
    }
  }, 180_000);
});
