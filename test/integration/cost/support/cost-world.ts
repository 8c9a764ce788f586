import { fileURLToPath } from 'node:url';
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createNatsBus, type NatsBus } from '@helix/bus';
import {
  AdminOp,
  EventSubjects,
  RequestCompletedSchema,
  RequestOutcome,
  RpcSubjects,
  uuidv7,
  type Budget,
  type BudgetSchema,
  type RequestCompleted,
} from '@helix/contracts';
import { costMigrationSet } from '@helix/cost';
import { runMigrationSets } from '@helix/persistence';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../../../support/infra.js';
import { spawnTs, type TsChild } from '../../../support/ts-child.js';

const MAIN = fileURLToPath(new URL('../../../../apps/cost-service/src/main.ts', import.meta.url));
const quiet = { warn: () => undefined, error: () => undefined };

/** test-model: $1 per million prompt tokens, $2 per million completion tokens. */
export const INPUT_PICO = 1_000_000n;
export const OUTPUT_PICO = 2_000_000n;
export const PRICES = '[{model: test-model, inputPerMTok: 1, outputPerMTok: 2}, {model: cheap-model, inputPerMTok: 0.1, outputPerMTok: 0.2}]';

export interface Tenant {
  orgId: string;
  teamId: string;
  userId: string;
  keyId: string;
}

export const newTenant = (): Tenant => ({ orgId: uuidv7(), teamId: uuidv7(), userId: uuidv7(), keyId: uuidv7() });

/**
 * A private cost-service world on the machine's real servers: its own database
 * (migrated), Redis key prefix and NATS namespace. Instances are real
 * `apps/cost-service` processes (`main.ts`, distributed mode); the test talks to
 * them as gateways do, over its own NATS connections.
 */
export async function costWorld(env: Record<string, string> = {}) {
  const db = await createTestDatabase();
  await runMigrationSets({ url: db.url }, [costMigrationSet]);
  const namespace = uniqueName('cost');
  const prefix = testRedisPrefix();
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const redis = new Redis(testRedisUrl());
  const buses: NatsBus[] = [];
  const children: TsChild[] = [];
  const childEnv = {
    HELIX_MODE: 'distributed',
    HELIX_CONFIG: fileURLToPath(new URL('../../../../config/helix.yaml', import.meta.url)),
    NATS_URL: testNatsUrl(),
    REDIS_URL: testRedisUrl(),
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'warn',
    HELIX__HTTP__HOST: '127.0.0.1',
    HELIX__NATS__NAMESPACE: namespace,
    HELIX__REDIS__KEYPREFIX: prefix,
    HELIX__COST__PRICES__OVERRIDES: PRICES,
    HELIX__COST__SWEEPINTERVALMS: '200',
    HELIX__COST__BUDGETCACHEMS: '0',
    ...env,
  };

  const world = {
    db,
    sql,
    redis,
    prefix,
    /** A gateway's connection to the world's bus. */
    async gateway(): Promise<NatsBus> {
      const bus = await createNatsBus({ servers: testNatsUrl(), name: 'cost-test', namespace, logger: quiet });
      await bus.ensureStreams();
      buses.push(bus);
      return bus;
    },
    /** Starts one cost-service process and waits until it serves. */
    async instance(extraEnv: Record<string, string> = {}): Promise<TsChild> {
      const child = spawnTs(MAIN, [], { ...childEnv, LOG_LEVEL: 'info', ...extraEnv });
      children.push(child);
      await child.waitForLine(/cost-service started/, 30_000);
      return child;
    },
    async createBudget(bus: NatsBus, budget: MessageInitShape<typeof BudgetSchema>): Promise<Budget> {
      const reply = await bus.request(RpcSubjects.costBudgets, { op: AdminOp.CREATE, scope: { orgId: budget.orgId }, budget }, { timeoutMs: 5_000 });
      return reply.budgets[0]!;
    },
    async ledgerTotal(orgId: string): Promise<{ rows: number; cost: bigint }> {
      const { rows } = await sql.query('SELECT count(*)::int AS n, coalesce(sum(cost_pico), 0)::text AS cost FROM cost.ledger WHERE org_id = $1', [orgId]);
      return { rows: rows[0].n, cost: BigInt(rows[0].cost) };
    },
    async close() {
      await Promise.all(children.map((c) => c.kill()));
      await buses[0]?.deleteStreamForTests();
      await Promise.all(buses.map((b) => b.close()));
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await sql.end();
      await db.drop();
    },
  };
  return world;
}

/** The completed event of a test-model request, priced by the cost-service from its usage. */
export function completed(tenant: Tenant, opts: { reservationId?: string; reserved?: bigint; input: number; output: number; outcome?: RequestOutcome }): RequestCompleted {
  const eventId = opts.reservationId ?? uuidv7();
  const now = Date.now();
  return create(RequestCompletedSchema, {
    eventId,
    correlationId: eventId,
    startedAtMs: BigInt(now),
    completedAtMs: BigInt(now),
    tenant,
    endpoint: 'chat.completions',
    outcome: opts.outcome ?? RequestOutcome.SUCCESS,
    httpStatus: 200,
    requestedModel: 'test-model',
    servedModel: 'test-model',
    provider: 'mock',
    deployment: 'mock/test-model',
    usage: { inputTokens: opts.input, outputTokens: opts.output },
    budget: opts.reservationId ? { reservationId: opts.reservationId, reservedPicoUsd: opts.reserved ?? 0n } : undefined,
  });
}

export const publishCompleted = (bus: NatsBus, e: RequestCompleted, msgId = e.eventId) =>
  bus.publish(EventSubjects.requestCompleted, e, { msgId });

export const costOf = (input: number, output: number): bigint => BigInt(input) * INPUT_PICO + BigInt(output) * OUTPUT_PICO;
