import { createNatsBus, type NatsBus } from '@helix/bus';
import { testNatsUrl, uniqueName } from '../../support/infra.js';
import { busContract } from './bus.contract.js';

const quiet = { warn: () => undefined, error: () => undefined };

busContract('nats', async () => {
  const namespace = uniqueName('t');
  const opened: NatsBus[] = [];
  const open = async () => {
    const bus = await createNatsBus({ servers: testNatsUrl(), name: 'bus-contract', namespace, logger: quiet });
    opened.push(bus);
    return bus;
  };
  return {
    open,
    childSpec: () => ({ kind: 'nats', natsUrl: testNatsUrl(), namespace }),
    cleanup: async () => {
      const admin = await open();
      await admin.deleteStreamForTests();
      await Promise.all(opened.map((b) => b.close()));
    },
  };
});
