import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** A short unique name for a suite's own stream, consumer, key prefix or schema. */
export function uniqueName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export const testNatsUrl = (): string => inject('natsUrl');
export const testRedisUrl = (): string => inject('redisUrl');

/** A Redis key prefix that isolates a suite on the shared Redis. */
export const testRedisPrefix = (): string => `${uniqueName('helixtest')}:`;

/**
 * A fresh database on the shared Postgres for one suite; `drop()` removes it.
 */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const adminUrl = inject('databaseUrl');
  const name = uniqueName('helix_test');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
