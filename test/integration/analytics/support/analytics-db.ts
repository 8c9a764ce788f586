import { create } from '@bufbuild/protobuf';
import { analyticsMigrationSet, IngestUseCase, Partitions, PgRequestStore, PgSideStore, sqlDatabase } from '@helix/analytics';
import { CacheStatus, RequestCompletedSchema, RequestOutcome, uuidv7, type RequestCompleted } from '@helix/contracts';
import { createDataSource, runMigrationSets } from '@helix/persistence';
import { createTestDatabase } from '../../../support/infra.js';

/** A fresh database on the shared Postgres with the analytics schema, and the ingestion wired on it. */
export async function analyticsDb(opts: { retentionDays?: number; now?: () => number } = {}) {
  const db = await createTestDatabase();
  await runMigrationSets({ url: db.url }, [analyticsMigrationSet]);
  const ds = await createDataSource({ url: db.url, poolSize: 4 }, analyticsMigrationSet);
  const sql = sqlDatabase(ds);
  const partitions = new Partitions(sql);
  const ingest = new IngestUseCase({ partitions, requests: new PgRequestStore(sql), side: new PgSideStore(sql), retentionDays: () => opts.retentionDays ?? 90, now: opts.now });
  return {
    url: db.url,
    sql,
    partitions,
    ingest,
    async count(table = 'analytics.requests', where = 'true', params: unknown[] = []): Promise<number> {
      const [row] = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
      return row.n;
    },
    async close() {
      await ds.destroy();
      await db.drop();
    },
  };
}

export interface EventSpec {
  at: number;
  org?: string;
  team?: string;
  user?: string;
  key?: string;
  model?: string;
  provider?: string;
  outcome?: RequestOutcome;
  errorType?: string;
  input?: number;
  output?: number;
  costPico?: bigint;
  savedPico?: bigint;
  cache?: CacheStatus;
  durationMs?: number;
  ttfbMs?: number;
  unpriced?: boolean;
}

/** A completed event as the gateway publishes it. */
export function completed(s: EventSpec): RequestCompleted {
  const eventId = uuidv7(s.at);
  return create(RequestCompletedSchema, {
    eventId,
    correlationId: eventId,
    startedAtMs: BigInt(s.at),
    completedAtMs: BigInt(s.at + (s.durationMs ?? 100)),
    tenant: { orgId: s.org ?? 'org-a', teamId: s.team ?? 'team-a', userId: s.user ?? 'user-a', keyId: s.key ?? 'key-a' },
    endpoint: 'chat.completions',
    outcome: s.outcome ?? RequestOutcome.SUCCESS,
    httpStatus: s.outcome && s.outcome !== RequestOutcome.SUCCESS ? 502 : 200,
    errorType: s.errorType ?? '',
    requestedModel: s.model ?? 'gpt-test',
    servedModel: s.model ?? 'gpt-test',
    provider: s.provider ?? 'openai',
    deployment: `${s.provider ?? 'openai'}/${s.model ?? 'gpt-test'}`,
    usage: { inputTokens: s.input ?? 10, outputTokens: s.output ?? 20 },
    costPicoUsd: s.costPico ?? 1_000_000n,
    savedPicoUsd: s.savedPico ?? 0n,
    unpriced: s.unpriced ?? false,
    priceVersion: s.unpriced ? '' : 'test',
    cacheStatus: s.cache ?? CacheStatus.MISS,
    durationMs: s.durationMs ?? 100,
    ttfbMs: s.ttfbMs ?? 0,
  });
}
