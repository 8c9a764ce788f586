import { existsSync, watch } from 'node:fs';
import { dirname } from 'node:path';

/** What triggers a reload, and where problems with watching itself go. */
export interface WatchHandlers {
  /** The file's folder changed (debounced); the file may or may not differ. */
  onChange(): void;
  /** The process got SIGHUP. */
  onSignal(): void;
  onError(error: Error): void;
}

/**
 * Watches the folder of `path`, not the file: editors that save by rename and
 * Kubernetes ConfigMaps (a swapped `..data` symlink) replace the file's inode,
 * which a watch on the file itself would miss. Events are debounced. Neither the
 * watcher nor the timer keeps the process alive. Returns the function that stops it.
 */
export function watchConfigFile(path: string, debounceMs: number, handlers: WatchHandlers): () => void {
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(handlers.onChange, debounceMs).unref();
  };
  const folder = dirname(path);
  const watcher = existsSync(folder) ? watch(folder, { persistent: false }, changed) : undefined;
  watcher?.on('error', handlers.onError);
  process.on('SIGHUP', handlers.onSignal);
  return () => {
    clearTimeout(timer);
    watcher?.close();
    process.off('SIGHUP', handlers.onSignal);
  };
}
