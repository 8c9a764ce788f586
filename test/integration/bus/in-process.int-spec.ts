import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus, type Bus } from '@helix/bus';
import { busContract } from './bus.contract.js';

busContract('in-process, journaled', async () => {
  const journalDir = mkdtempSync(join(tmpdir(), 'helix-bus-'));
  const opened: Bus[] = [];
  return {
    open: async () => {
      const bus = createInProcessBus({ journalDir, logger: quiet });
      opened.push(bus);
      return bus;
    },
    childSpec: () => ({ kind: 'in-process', journalDir }),
    cleanup: async () => {
      await Promise.all(opened.map((b) => b.close()));
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
});

busContract('in-process, memory only', async () => {
  const opened: Bus[] = [];
  return {
    open: async () => {
      const bus = createInProcessBus({ logger: quiet });
      opened.push(bus);
      return bus;
    },
    cleanup: async () => void (await Promise.all(opened.map((b) => b.close()))),
  };
});

const quiet = { warn: () => undefined, error: () => undefined };
