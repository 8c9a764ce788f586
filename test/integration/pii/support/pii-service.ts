import { Module } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createNatsBus, HelixBusServer, type NatsBus } from '@helix/bus';
import { ConfigStore } from '@helix/config';
import { PlatformModule } from '@helix/platform';
import { createLogger } from '@helix/telemetry';
import { PiiServiceModule } from '../../../../apps/pii-service/src/pii-service.module.js';
import { testNatsUrl, uniqueName } from '../../../support/infra.js';

const quiet = { warn: () => undefined, error: () => undefined };

/** The real pii-service module on the real NATS, in a private namespace, plus a client bus in the same namespace. */
export async function startPiiService(config: Record<string, unknown>): Promise<{ service: INestMicroservice; client: NatsBus; close(): Promise<void> }> {
  const namespace = uniqueName('pii');
  const serverBus = await createNatsBus({ servers: testNatsUrl(), name: 'pii-service-test', namespace, logger: quiet });
  await serverBus.ensureStreams();
  const client = await createNatsBus({ servers: testNatsUrl(), name: 'pii-client-test', namespace, logger: quiet });
  const store = new ConfigStore({ env: {}, overrides: { service: 'pii-service', log: { level: 'fatal' }, ...config } });
  const infra = { service: 'pii-service' as const, store, log: createLogger(store.current), bus: serverBus };
  @Module({ imports: [PlatformModule.forRoot(infra), PiiServiceModule.forRoot(infra)] })
  class Root {}
  const moduleRef = await Test.createTestingModule({ imports: [Root] }).compile();
  const service = moduleRef.createNestMicroservice({ strategy: new HelixBusServer(serverBus, 'pii-service') });
  await service.listen();
  return {
    service,
    client,
    async close() {
      await client.deleteStreamForTests();
      await service.close();
      await Promise.all([client.close(), serverBus.close()]);
    },
  };
}
