import type { BusStatus } from './bus.port.js';

/** Holds the bus status and tells listeners when it changes. */
export class StatusEmitter {
  private readonly listeners = new Set<(s: BusStatus) => void>();

  constructor(public current: BusStatus) {}

  set(s: BusStatus): void {
    if (s === this.current || this.current === 'closed') return;
    this.current = s;
    for (const l of this.listeners) l(s);
  }

  on(listener: (s: BusStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
