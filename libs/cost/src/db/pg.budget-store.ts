import type { Budget, BudgetLevel } from '../budgets/budget.js';
import type { BudgetPeriod } from '../budgets/period.js';
import { returned, scopeClause, type AdminScopeFilter, type SqlRunner } from './sql.js';

interface BudgetRow {
  id: string;
  org_id: string;
  team_id: string | null;
  level: BudgetLevel;
  scope_id: string;
  period: BudgetPeriod;
  amount_pico: string;
  thresholds: number[];
  hard_limit_pico: string | null;
  strict: boolean;
  model_caps: { model: string; limitPico: string }[];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, org_id, team_id, level, scope_id, period, amount_pico, thresholds, hard_limit_pico, strict, model_caps, created_at, updated_at';

/** Budgets in `cost.budgets`. Every read and write of the admin API is limited to the caller's scope. */
export class PgBudgetStore {
  constructor(private readonly db: SqlRunner) {}

  async byOrg(orgId: string): Promise<Budget[]> {
    const rows: BudgetRow[] = await this.db.query(`SELECT ${COLUMNS} FROM cost.budgets WHERE org_id = $1`, [orgId]);
    return rows.map(toBudget);
  }

  async list(scope: AdminScopeFilter, filter: { level?: string; scopeId?: string }, limit: number, after?: string): Promise<{ budgets: Budget[]; hasMore: boolean }> {
    const params: unknown[] = [];
    let where = `WHERE true${scopeClause(scope, params)}`;
    if (filter.level) where += ` AND level = $${params.push(filter.level)}`;
    if (filter.scopeId) where += ` AND scope_id = $${params.push(filter.scopeId)}`;
    if (after) where += ` AND id > $${params.push(after)}`;
    const rows: BudgetRow[] = await this.db.query(`SELECT ${COLUMNS} FROM cost.budgets ${where} ORDER BY id LIMIT $${params.push(limit + 1)}`, params);
    return { budgets: rows.slice(0, limit).map(toBudget), hasMore: rows.length > limit };
  }

  async get(scope: AdminScopeFilter, id: string): Promise<Budget | undefined> {
    const params: unknown[] = [id];
    const rows: BudgetRow[] = await this.db.query(`SELECT ${COLUMNS} FROM cost.budgets WHERE id = $1${scopeClause(scope, params)}`, params);
    return rows[0] && toBudget(rows[0]);
  }

  async insert(b: Budget): Promise<void> {
    await this.db.query(
      `INSERT INTO cost.budgets (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [b.id, b.orgId, b.teamId, b.level, b.scopeId, b.period, ...values(b), new Date(b.createdAt), new Date(b.updatedAt)],
    );
  }

  async update(b: Budget): Promise<void> {
    await this.db.query(
      `UPDATE cost.budgets SET amount_pico = $2, thresholds = $3, hard_limit_pico = $4, strict = $5, model_caps = $6, period = $7, updated_at = $8 WHERE id = $1`,
      [b.id, ...values(b), b.period, new Date(b.updatedAt)],
    );
  }

  async remove(scope: AdminScopeFilter, id: string): Promise<Budget | undefined> {
    const params: unknown[] = [id];
    const rows = returned<BudgetRow>(await this.db.query(`DELETE FROM cost.budgets WHERE id = $1${scopeClause(scope, params)} RETURNING ${COLUMNS}`, params));
    return rows[0] && toBudget(rows[0]);
  }
}

const values = (b: Budget) => [
  b.amountPico.toString(),
  b.thresholds,
  b.hardLimitPico?.toString() ?? null,
  b.strict,
  JSON.stringify(b.modelCaps.map((c) => ({ model: c.model, limitPico: c.limitPico.toString() }))),
];

function toBudget(r: BudgetRow): Budget {
  return {
    id: r.id,
    orgId: r.org_id,
    teamId: r.team_id,
    level: r.level,
    scopeId: r.scope_id,
    period: r.period,
    amountPico: BigInt(r.amount_pico),
    thresholds: r.thresholds,
    hardLimitPico: r.hard_limit_pico === null ? null : BigInt(r.hard_limit_pico),
    strict: r.strict,
    modelCaps: r.model_caps.map((c) => ({ model: c.model, limitPico: BigInt(c.limitPico) })),
    createdAt: new Date(r.created_at).getTime(),
    updatedAt: new Date(r.updated_at).getTime(),
  };
}
