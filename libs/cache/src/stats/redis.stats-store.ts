import type { Redis } from 'ioredis';
import { FIELDS, zeroCounters, type StatsCounters, type StatsDelta, type StatsStore } from './stats-store.js';

const SEEN_TTL_S = 86_400;

/**
 * Stats in Redis: one hash per scope (`<prefix>cache:{<scope>}:stats`, fields
 * `<model>\t<counter>`), and `SET NX` markers per event id for a day, so a
 * redelivered event is counted once.
 */
export class RedisStatsStore implements StatsStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async add(deltas: readonly StatsDelta[]): Promise<void> {
    if (!deltas.length) return;
    const marks = this.redis.pipeline();
    for (const d of deltas) marks.set(`${this.prefix}cache:seen:${d.eventId}`, '1', 'EX', SEEN_TTL_S, 'NX');
    const first = (await marks.exec()) ?? [];
    const p = this.redis.pipeline();
    deltas.forEach((d, i) => {
      if (first[i]?.[1] !== 'OK') return;
      for (const f of FIELDS) if (d[f]) p.hincrby(this.key(d.scope), `${d.model}\t${f}`, Math.round(d[f]!));
    });
    await p.exec();
  }

  async read(scope: string): Promise<Map<string, StatsCounters>> {
    const out = new Map<string, StatsCounters>();
    for (const [field, value] of Object.entries(await this.redis.hgetall(this.key(scope)))) {
      const [model = '', name] = field.split('\t');
      const c = out.get(model) ?? out.set(model, zeroCounters()).get(model)!;
      if ((FIELDS as readonly string[]).includes(name!)) c[name as keyof StatsCounters] = Number(value);
    }
    return out;
  }

  async reset(scope: string): Promise<void> {
    await this.redis.del(this.key(scope));
  }

  private key(scope: string): string {
    return `${this.prefix}cache:{${scope}}:stats`;
  }
}
