/** Sends a reply back to the requester; `error` means the body is a BusError. */
export type ReplyFn = (data: Uint8Array, error: boolean) => void;
export type Receiver = (data: Uint8Array, headers: Record<string, string>, reply: ReplyFn | undefined) => void;

interface Group {
  members: Receiver[];
  next: number;
}

interface Route {
  all: Receiver[];
  groups: Map<string, Group>;
}

/**
 * Core NATS semantics in one process, on exact subjects: every plain subscriber
 * and one member of each queue group (round-robin) get a message, on a later
 * microtask, each with its own copy of the bytes and headers.
 */
export class CoreRouter {
  private readonly routes = new Map<string, Route>();

  add(subject: string, queue: string | undefined, receiver: Receiver): () => void {
    let route = this.routes.get(subject);
    if (!route) this.routes.set(subject, (route = { all: [], groups: new Map() }));
    let list: Receiver[];
    if (queue === undefined) list = route.all;
    else {
      let group = route.groups.get(queue);
      if (!group) route.groups.set(queue, (group = { members: [], next: 0 }));
      list = group.members;
    }
    list.push(receiver);
    return () => {
      const i = list.indexOf(receiver);
      if (i >= 0) list.splice(i, 1);
    };
  }

  has(subject: string): boolean {
    return this.routes.has(subject);
  }

  /** Returns how many receivers will get the message. */
  publish(subject: string, data: Uint8Array, headers: Record<string, string>, reply?: ReplyFn): number {
    const route = this.routes.get(subject);
    if (!route) return 0;
    let n = 0;
    const hand = (r: Receiver) => {
      const d = n === 0 ? data : data.slice();
      const h = { ...headers };
      n++;
      queueMicrotask(() => r(d, h, reply));
    };
    for (const r of route.all) hand(r);
    for (const g of route.groups.values()) {
      if (g.members.length === 0) continue;
      g.next = (g.next + 1) % g.members.length;
      hand(g.members[g.next]!);
    }
    return n;
  }

  clear(): void {
    this.routes.clear();
  }
}
