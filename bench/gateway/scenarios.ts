import { closedLoop } from './load/closed-loop.js';
import { HttpTarget } from './load/http-target.js';
import type { LoadResult } from './load/load-result.js';
import { openLoop } from './load/open-loop.js';
import { hasWrk, wrkClosedLoop } from './load/wrk.js';
import { TreeMeter } from './proc-stats.js';
import { LOAD_CORE, PROMPT, type Target } from './targets/target.js';

export type ScenarioId = 'max' | 'open500' | 'open1000' | 'stream100';

export interface ScenarioResult {
  id: ScenarioId;
  load: LoadResult;
  /** The target's process tree: CPU ms per request sent, and peak RSS; absent for the direct baseline. */
  cpuMsPerRequest?: number;
  peakRssMb?: number;
}

export const SCENARIO_LABELS: Record<ScenarioId, string> = {
  max: 'max throughput, 32 connections',
  open500: 'open loop 500 req/s',
  open1000: 'open loop 1000 req/s',
  stream100: 'streams 100/s',
};

const CONNECTIONS = 32;
const OPEN_CONNECTIONS = 128;

/** Checks the target answers the mock's text, as JSON and as an SSE stream, before it is loaded. */
async function probe(t: Target): Promise<void> {
  for (const [req, want] of [[t.chat, `Mock answer to: ${PROMPT}`], [t.stream, 'data: [DONE]']] as const) {
    const http = new HttpTarget(req, 1);
    try {
      const { status, text } = await http.probe();
      if (status !== 200 || !text.includes(want)) throw new Error(`${t.name}: expected 200 with "${want}", got ${status}: ${text.slice(0, 300)}`);
    } finally {
      await http.close();
    }
  }
}

const maxThroughput = (t: Target, seconds: number) => (hasWrk() ? wrkClosedLoop(t.chat, CONNECTIONS, seconds, LOAD_CORE) : closedLoopNode(t, seconds));

async function closedLoopNode(t: Target, seconds: number): Promise<LoadResult> {
  const http = new HttpTarget(t.chat, CONNECTIONS);
  try {
    return await closedLoop(http, CONNECTIONS, seconds);
  } finally {
    await http.close();
  }
}

async function open(t: Target, stream: boolean, rate: number, seconds: number): Promise<LoadResult> {
  const http = new HttpTarget(stream ? t.stream : t.chat, OPEN_CONNECTIONS, 10_000);
  try {
    return await openLoop(http, rate, seconds);
  } finally {
    await http.close();
  }
}

const RUNS: Record<ScenarioId, (t: Target, seconds: number) => Promise<LoadResult>> = {
  max: maxThroughput,
  open500: (t, s) => open(t, false, 500, s),
  open1000: (t, s) => open(t, false, 1000, s),
  stream100: (t, s) => open(t, true, 100, s),
};

/** Waits (up to 60 s) until the target answers a request again, so a backlog left by an overload is not charged to the next scenario. */
async function settle(t: Target): Promise<void> {
  const http = new HttpTarget(t.chat, 1, 60_000);
  try {
    await http.send();
  } finally {
    await http.close();
  }
}

/** Probe, warm up (JIT, connections), then each scenario for `seconds` with the tree's CPU and RSS measured. */
export async function runScenarios(t: Target, seconds: number, warmupSeconds: number, log: (line: string) => void): Promise<{ results: ScenarioResult[]; sent: number }> {
  await probe(t);
  let sent = 2;
  sent += (await maxThroughput(t, warmupSeconds)).sent;
  sent += (await open(t, true, 100, Math.max(1, warmupSeconds / 2))).sent;
  const results: ScenarioResult[] = [];
  for (const id of Object.keys(RUNS) as ScenarioId[]) {
    const meter = t.pid ? new TreeMeter(t.pid) : undefined;
    meter?.start();
    const load = await RUNS[id](t, seconds);
    const m = meter?.stop();
    sent += load.sent + 1;
    await settle(t);
    const r: ScenarioResult = { id, load, cpuMsPerRequest: m ? m.cpuMs / load.sent : undefined, peakRssMb: m?.peakRssMb };
    results.push(r);
    const ttfb = id === 'stream100' ? `, TTFB p50 ${load.ttfb.p50.toFixed(2)} ms` : '';
    log(`  ${SCENARIO_LABELS[id]}: ${load.throughput.toFixed(0)} req/s, ${load.errors} errors, p50 ${load.latency.p50.toFixed(2)} ms, p99 ${load.latency.p99.toFixed(2)} ms${ttfb}${m ? `, CPU ${r.cpuMsPerRequest!.toFixed(3)} ms/req, RSS ${m.peakRssMb.toFixed(0)} MB` : ''}`);
  }
  return { results, sent };
}
