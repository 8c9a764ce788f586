import type { PiiConfig, PiiPolicyConfig } from '@helix/config';
import type { OperatorSpec } from '../anonymize/operators.js';

/** One tenant's policy, compiled. */
export interface Policy {
  /** Entity types to detect; undefined = all. */
  entities?: readonly string[];
  operatorOf(entityType: string): OperatorSpec;
  restore: boolean;
  scanOutput: boolean;
}

const REPLACE: OperatorSpec = { operator: 'replace' };

function compile(p: PiiPolicyConfig): Policy {
  const specs = new Map(p.operators.map((o) => [o.entity, { operator: o.operator, keepLast: o.keepLast } satisfies OperatorSpec]));
  const fallback = specs.get('*') ?? REPLACE;
  return {
    entities: p.entities.length ? p.entities : undefined,
    operatorOf: (t) => specs.get(t) ?? fallback,
    restore: p.restore,
    scanOutput: p.scanOutput,
  };
}

/** The policies of a config, compiled at load; `for` picks org+team, then org, then the default. */
export class PolicyBook {
  private readonly byTeam = new Map<string, Policy>();
  private readonly byOrg = new Map<string, Policy>();
  private readonly fallback: Policy;

  constructor(cfg: PiiConfig) {
    this.fallback = compile(cfg.defaultPolicy);
    for (const p of cfg.policies) {
      if (p.team !== '*') this.byTeam.set(`${p.org}/${p.team}`, compile(p));
      else if (p.org !== '*') this.byOrg.set(p.org, compile(p));
    }
  }

  for(tenant: { orgId: string; teamId: string } | undefined): Policy {
    if (!tenant) return this.fallback;
    return this.byTeam.get(`${tenant.orgId}/${tenant.teamId}`) ?? this.byTeam.get(`*/${tenant.teamId}`) ?? this.byOrg.get(tenant.orgId) ?? this.fallback;
  }
}
