import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../targets/mock.js';

export interface EventsPath {
  events: number;
  /** `toBinary` (protobuf-es reflection). */
  encodeUs: number;
  /** The gateway's hand-written encoder (apps/gateway/src/events/request-completed.encoder.ts). */
  gatewayEncodeUs: number;
  publishUs: number;
  outboxUs: number;
}

/** Runs events-path.ts in its own process (it pins itself to the gateway core; nats-server to the load core). */
export function runEventsPath(): EventsPath | undefined {
  const r = spawnSync(process.execPath, ['--import', './test/support/ts-loader.mjs', resolve(import.meta.dirname, 'events-path.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) {
    console.log(`events path micro bench failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as EventsPath;
}

export function eventsPathLine(e: EventsPath): string {
  return (
    `CPU per event on the gateway core (bench/gateway/micro/events-path.ts, ${e.events} events, private nats-server on the load core): ` +
    `encode of a typical RequestCompleted ${e.encodeUs.toFixed(1)} µs by protobuf-es reflection (toBinary), ${e.gatewayEncodeUs.toFixed(1)} µs by the gateway's hand-written encoder; one JetStream publish through the bus (ack included) ${e.publishUs.toFixed(1)} µs; ` +
    `the whole outbox path (frame, disk append, publish, ack, cursor) ${e.outboxUs.toFixed(1)} µs.`
  );
}
