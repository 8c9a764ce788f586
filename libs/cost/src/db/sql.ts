/** What the cost stores need of a database: TypeORM's `DataSource` (or a query runner) fits. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** What an admin caller may see: every org (empty), one org, or one team of it. */
export interface AdminScopeFilter {
  orgId?: string;
  teamId?: string;
}

/** `AND org_id = $n AND team_id = $m` for a scope, with its params appended to `params`. */
export function scopeClause(scope: AdminScopeFilter, params: unknown[]): string {
  let sql = '';
  if (scope.orgId) sql += ` AND org_id = $${params.push(scope.orgId)}`;
  if (scope.teamId) sql += ` AND team_id = $${params.push(scope.teamId)}`;
  return sql;
}

/** The rows of `UPDATE`/`DELETE ... RETURNING`, which TypeORM wraps as `[rows, count]`. */
export function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
