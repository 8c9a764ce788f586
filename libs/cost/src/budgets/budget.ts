import type { BudgetPeriod } from './period.js';

export const LEVELS = ['org', 'team', 'user', 'key'] as const;
/** Budget levels, outermost first: org → team → user → key. */
export type BudgetLevel = (typeof LEVELS)[number];

/** A hard cap on one model's spend inside a budget's period. */
export interface ModelCap {
  model: string;
  limitPico: bigint;
}

/** A spending limit on one scope (the domain shape of the `Budget` proto). */
export interface Budget {
  id: string;
  orgId: string;
  /** The owning team (team-admins manage it); null for org-level budgets. */
  teamId: string | null;
  level: BudgetLevel;
  /** The org, team, user or key id it limits. */
  scopeId: string;
  period: BudgetPeriod;
  /** Soft thresholds are percentages of it. */
  amountPico: bigint;
  /** Percentages of `amountPico` that raise an alert once per period. */
  thresholds: number[];
  /** Requests that would pass it are refused; null = soft budget only. */
  hardLimitPico: bigint | null;
  /** Cap max_tokens at what the hard limit can still pay for. */
  strict: boolean;
  modelCaps: ModelCap[];
  createdAt: number;
  updatedAt: number;
}

/** Who a request belongs to. */
export interface TenantIds {
  orgId: string;
  teamId: string;
  userId: string;
  keyId: string;
}

/** Does the budget limit this tenant's requests? User and key budgets of a team apply to that team's callers only. */
export function appliesTo(b: Budget, t: TenantIds): boolean {
  if (b.orgId !== t.orgId) return false;
  if (b.level !== 'org' && b.level !== 'team' && b.teamId && b.teamId !== t.teamId) return false;
  switch (b.level) {
    case 'org':
      return b.scopeId === t.orgId;
    case 'team':
      return b.scopeId === t.teamId;
    case 'user':
      return b.scopeId === t.userId;
    case 'key':
      return b.scopeId === t.keyId;
  }
}
