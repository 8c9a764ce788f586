import { helixDistributed } from './helix-distributed.js';
import { helixEmbedded } from './helix-embedded.js';
import { litellmTarget } from './litellm.js';
import { directTarget, passthroughTarget } from './mock.js';
import { ensureLitellm, ensurePortkey } from './peer-install.js';
import { portkeyTarget } from './portkey.js';
import type { Target } from './target.js';

/** One row of the bench: how to install (peers), start it, and whether it is Helix. */
export interface TargetSpec {
  key: string;
  name: string;
  helix?: boolean;
  /** Installs a missing peer; returns why it cannot, or undefined. */
  install?: () => string | undefined;
  start: (mockOrigin: string, profileDir?: string) => Promise<Target>;
}

/** Every target, in table order: the baselines, Helix in both modes, the peers. */
export const TARGETS: TargetSpec[] = [
  { key: 'direct', name: 'direct to mock', start: async (mock) => directTarget(mock) },
  { key: 'passthrough', name: 'node:http pass-through', start: (mock) => passthroughTarget(mock) },
  { key: 'helix-embedded', name: 'Helix embedded', helix: true, start: helixEmbedded },
  { key: 'helix-distributed', name: 'Helix distributed', helix: true, start: helixDistributed },
  { key: 'portkey', name: 'Portkey gateway', install: ensurePortkey, start: (mock) => portkeyTarget(mock) },
  { key: 'litellm', name: 'LiteLLM proxy', install: ensureLitellm, start: (mock) => litellmTarget(mock) },
];
