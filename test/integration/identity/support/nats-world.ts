import { createNatsBus, type NatsBus } from '@helix/bus';
import { testNatsUrl, uniqueName } from '../../../support/infra.js';

const quiet = { warn: () => undefined, error: () => undefined };

/** Buses on the real NATS under one private namespace (own subjects and events stream). */
export async function natsWorld(): Promise<{ open(): Promise<NatsBus>; close(): Promise<void> }> {
  const namespace = uniqueName('id');
  const opened: NatsBus[] = [];
  const open = async () => {
    const bus = await createNatsBus({ servers: testNatsUrl(), name: 'identity-test', namespace, logger: quiet });
    opened.push(bus);
    await bus.ensureStreams();
    return bus;
  };
  return {
    open,
    async close() {
      await opened[0]?.deleteStreamForTests();
      await Promise.all(opened.map((b) => b.close()));
    },
  };
}
