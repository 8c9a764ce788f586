import type { Redis } from 'ioredis';
import type { Clock } from '../../identity/clock.js';
import type { BreakerRecord } from './breaker-record.js';
import type { BreakerStore } from './breaker-store.js';

/** A record outlives its cool-down by this much (a closed one lives this long), so a dead key never keeps a deployment out. */
const KEEP_MS = 10 * 60_000;

/**
 * Breaker records shared by every gateway replica: a hash `<prefix>cb:{<deployment>}` per
 * breaker that changed lately (absent = closed), the half-open probe claim `<prefix>cb:{<deployment>}:probe`
 * (SET NX PX, one slot thanks to the hash tag), and each transition published on
 * `<prefix>cb:changes` so replicas update their local copy at once.
 */
export class RedisBreakerStore implements BreakerStore {
  private subscriber?: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock,
  ) {}

  private key = (id: string) => `${this.prefix}cb:{${id}}`;
  private get channel() {
    return `${this.prefix}cb:changes`;
  }

  async read(ids: readonly string[]): Promise<Map<string, BreakerRecord>> {
    const out = new Map<string, BreakerRecord>();
    if (!ids.length) return out;
    const replies = (await this.redis.pipeline(ids.map((id) => ['hgetall', this.key(id)])).exec()) ?? [];
    replies.forEach(([err, value], i) => {
      const record = err ? undefined : parseRecord(value as Record<string, string>);
      if (record) out.set(ids[i]!, record);
    });
    return out;
  }

  async write(id: string, record: BreakerRecord): Promise<void> {
    const key = this.key(id);
    await this.redis
      .multi()
      .del(`${key}:probe`)
      .hset(key, { status: record.status, openUntil: record.openUntil, opens: record.opens, since: record.since })
      .pexpire(key, Math.max(0, record.openUntil - this.clock.now()) + KEEP_MS)
      .publish(this.channel, JSON.stringify({ id, ...record }))
      .exec();
  }

  async claimProbe(id: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${this.key(id)}:probe`, String(this.clock.now()), 'PX', Math.max(1, ttlMs), 'NX')) === 'OK';
  }

  async watch(onChange: (id: string, record: BreakerRecord) => void): Promise<void> {
    this.subscriber ??= this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, lazyConnect: false });
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const msg = safeParse(text);
      const record = msg && parseRecord(msg);
      if (record && typeof msg.id === 'string') onChange(msg.id, record);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }
}

function parseRecord(v: Record<string, unknown> | undefined): BreakerRecord | undefined {
  if (!v || (v.status !== 'open' && v.status !== 'closed')) return undefined;
  return { status: v.status, openUntil: Number(v.openUntil) || 0, opens: Number(v.opens) || 0, since: Number(v.since) || 0 };
}

function safeParse(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
