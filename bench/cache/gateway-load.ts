import { HttpTarget, type TargetRequest } from '../gateway/load/http-target.js';
import type { LoadResult } from '../gateway/load/load-result.js';
import { openLoop } from '../gateway/load/open-loop.js';
import { startHelix, upstreamConfig } from '../gateway/targets/helix.js';
import { directTarget, startMock } from '../gateway/targets/mock.js';
import { GATEWAY_CORE } from '../gateway/targets/target.js';

export interface LoadRow {
  scenario: string;
  result: LoadResult;
}

/** A request whose prompt is new every time it is sent: every lookup misses. */
function unique(req: TargetRequest): TargetRequest {
  let n = 0;
  const first = typeof req.body === 'function' ? req.body() : req.body;
  const base = JSON.parse(first) as { model: string; messages: { role: string; content: string }[] };
  return { ...req, body: () => JSON.stringify({ ...base, messages: [{ role: 'user', content: `${base.messages[0]!.content} #${n++} ${Math.random()}` }] }) };
}

async function run(req: TargetRequest, rate: number, seconds: number): Promise<LoadResult> {
  const target = new HttpTarget(req, 64);
  try {
    await openLoop(target, rate, 2);
    return await openLoop(target, rate, seconds);
  } finally {
    await target.close();
  }
}

/**
 * The cache end to end through the embedded gateway (bench/gateway's mock,
 * targets and open-loop generator): exact hits against the direct upstream,
 * and misses against the same gateway with the cache off.
 */
export async function gatewayLoad(rate: number, seconds: number): Promise<LoadRow[]> {
  const mock = await startMock();
  const rows: LoadRow[] = [];
  try {
    rows.push({ scenario: 'direct to the mock upstream', result: await run(directTarget(mock.origin).chat, rate, seconds) });
    const base = upstreamConfig(mock.origin);
    const on = await startHelix(GATEWAY_CORE, 'cache on', '', { app: 'standalone', config: { mode: 'embedded', ...base, pipeline: { ...base.pipeline, cache: { enabled: true, timeoutMs: 50 } } } });
    try {
      rows.push({ scenario: 'Helix embedded, cache on, exact hits', result: await run(on.chat, rate, seconds) });
      rows.push({ scenario: 'Helix embedded, cache on, every request a miss', result: await run(unique(on.chat), rate, seconds) });
    } finally {
      await on.stop();
    }
    const off = await startHelix(GATEWAY_CORE, 'cache off', '', { app: 'standalone', config: { mode: 'embedded', ...base } });
    try {
      rows.push({ scenario: 'Helix embedded, cache off', result: await run(unique(off.chat), rate, seconds) });
    } finally {
      await off.stop();
    }
  } finally {
    await mock.proc.stop();
  }
  return rows;
}
