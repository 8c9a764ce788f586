import { orExit, type LoadConfigOptions } from '../load/load-config.js';
import { ConfigStore } from './config.store.js';

/** For a `main.ts`: the store, or every config issue on stderr and exit code 1. */
export function openConfigStoreOrExit(options: LoadConfigOptions = {}): ConfigStore {
  return orExit(() => new ConfigStore(options));
}
