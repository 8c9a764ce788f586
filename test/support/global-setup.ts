import type { TestProject } from 'vitest/node';
import { connect } from '@nats-io/transport-node';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '@helix/contracts';
import { startNats, type PrivateServer } from './servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    natsUrl: string;
    redisUrl: string;
    databaseUrl: string;
  }
}

/**
 * Integration and e2e suites run on the machine's real NATS, Redis and Postgres.
 * NATS must allow DEFAULT_MAX_PAYLOAD_BYTES; when the shared server is set up with
 * a smaller limit, a private nats-server with the right limit is started for the
 * run (the shared one is never reconfigured or restarted).
 */
export default async function setup(project: TestProject) {
  const natsUrl = process.env.HELIX_TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  let privateNats: PrivateServer | undefined;
  let url = natsUrl;
  const maxPayload = await probeMaxPayload(natsUrl);
  if (maxPayload < DEFAULT_MAX_PAYLOAD_BYTES) {
    privateNats = await startNats({ maxPayloadMb: DEFAULT_MAX_PAYLOAD_BYTES / 1024 / 1024 });
    url = privateNats.url;
    console.log(
      `[tests] NATS at ${natsUrl} ${maxPayload < 0 ? 'does not answer' : `allows ${maxPayload} B per message`}; ` +
        `using a private nats-server at ${url} with max_payload ${DEFAULT_MAX_PAYLOAD_BYTES} B`,
    );
  }
  project.provide('natsUrl', url);
  project.provide('redisUrl', process.env.HELIX_TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  project.provide(
    'databaseUrl',
    process.env.HELIX_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  return async () => {
    await privateNats?.dispose();
  };
}

async function probeMaxPayload(url: string): Promise<number> {
  try {
    const nc = await connect({ servers: url, timeout: 2_000, reconnect: false });
    const size = nc.info?.max_payload ?? 0;
    await nc.close();
    return size;
  } catch {
    return -1;
  }
}
