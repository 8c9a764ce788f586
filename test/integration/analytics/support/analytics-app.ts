import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { BusModule, createNatsBus, HelixBusServer, type NatsBus } from '@helix/bus';
import { ConfigModule, ConfigStore } from '@helix/config';
import { Role, RpcSubjects, type BudgetSpend, type IdentityVerifyReply } from '@helix/contracts';
import { configureHttpApp, createFastifyAdapter } from '@helix/platform';
import { createLogger, TelemetryModule } from '@helix/telemetry';
import { createHash } from 'node:crypto';
import { AnalyticsServiceModule } from '../../../../apps/analytics-service/src/analytics-service.module.js';
import { testNatsUrl, uniqueName } from '../../../support/infra.js';

const silent = { write: () => undefined };
const quiet = { warn: () => undefined, error: () => undefined };
const BODY_LIMIT = 1024 * 1024;

/** A key the fake gateway knows, and who holds it. */
export interface TestKey {
  key: string;
  role: Role;
  orgId?: string;
  teamId?: string;
  userId?: string;
}

/**
 * The analytics-service module as a Nest app on a real database and a real NATS
 * bus (own namespace). Another service's side of the bus is played by the test:
 * the gateway answers `helix.identity.verify.v1` from `keys`, the cost-service
 * `helix.cost.spend.v1` / `budgets.v1` from `spend`.
 */
export async function startAnalyticsApp(opts: { databaseUrl: string; keys: TestKey[]; spend?: (orgId: string) => Partial<BudgetSpend>[]; config?: Record<string, unknown>; consume?: boolean }) {
  const bus: NatsBus = await createNatsBus({ servers: testNatsUrl(), name: 'analytics-test', namespace: uniqueName('an'), logger: quiet });
  await bus.ensureStreams();
  const byHash = new Map(opts.keys.map((k) => [createHash('sha256').update(k.key).digest('hex'), k]));
  let verifications = 0;
  await bus.respond(
    RpcSubjects.identityVerify,
    async (req): Promise<Partial<IdentityVerifyReply>> => {
      verifications++;
      const k = byHash.get(req.keySha256);
      return k ? { valid: true, keyId: `key-of-${k.key}`, userId: k.userId ?? 'u', teamId: k.teamId ?? '', orgId: k.orgId ?? '', role: k.role } : { valid: false, reason: 'unknown' };
    },
    { queue: 'gateway' },
  );
  await bus.respond(RpcSubjects.costSpend, async (req) => ({ budgets: (opts.spend?.(req.orgId) ?? []) as BudgetSpend[] }), { queue: 'cost-service' });
  await bus.respond(RpcSubjects.costBudgets, async (req) => ({ budgets: (opts.spend?.(req.scope?.orgId ?? '') ?? []).map((s) => s.budget!).filter(Boolean) }), { queue: 'cost-service' });

  const store = new ConfigStore({ env: {}, overrides: { mode: 'distributed', service: 'analytics-service', database: { url: opts.databaseUrl }, ...(opts.config ?? {}) } });
  const log = createLogger(store.current, silent);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ store }),
      TelemetryModule.forRoot({ service: 'analytics-service', logDestination: silent }),
      BusModule.forRoot(bus),
      AnalyticsServiceModule.forRoot({ service: 'analytics-service', store, log, bus, db: { url: opts.databaseUrl, poolSize: 4 }, redis: null }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(BODY_LIMIT), { logger: false });
  configureHttpApp(app, BODY_LIMIT, log);
  if (opts.consume) {
    app.connectMicroservice({ strategy: new HelixBusServer(bus, 'analytics-service') }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    bus,
    verifications: () => verifications,
    inject: (o: InjectOptions): Promise<LightMyRequestResponse> => app.getHttpAdapter().getInstance().inject(o),
    get: (url: string, key?: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} }),
    async close() {
      await app.close();
      await bus.deleteStreamForTests?.();
      await bus.close();
    },
  };
}
