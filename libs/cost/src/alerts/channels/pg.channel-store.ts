import { returned, scopeClause, type AdminScopeFilter, type SqlRunner } from '../../db/sql.js';
import type { AlertChannel, ChannelKind } from './alert-channel.js';

interface Row {
  id: string;
  org_id: string;
  team_id: string | null;
  kind: ChannelKind;
  target: string;
  secret: string;
  escalation: boolean;
  created_at: Date;
}

const COLUMNS = 'id, org_id, team_id, kind, target, secret, escalation, created_at';
const toChannel = (r: Row): AlertChannel => ({
  id: r.id,
  orgId: r.org_id,
  teamId: r.team_id,
  kind: r.kind,
  target: r.target,
  secret: r.secret,
  escalation: r.escalation,
  createdAt: new Date(r.created_at).getTime(),
});

/** Alert channels in `cost.alert_channels`, and which of them already got an alert (`cost.alert_deliveries`). */
export class PgChannelStore {
  constructor(private readonly db: SqlRunner) {}

  /** The channels an alert of this org and team goes to: the org's, and the team's own. */
  async forAlert(orgId: string, teamId: string, escalation: boolean): Promise<AlertChannel[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM cost.alert_channels WHERE org_id = $1 AND (team_id IS NULL OR team_id = $2) AND escalation = $3 ORDER BY id`,
      [orgId, teamId, escalation],
    );
    return rows.map(toChannel);
  }

  async list(scope: AdminScopeFilter): Promise<AlertChannel[]> {
    const params: unknown[] = [];
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM cost.alert_channels WHERE true${scopeClause(scope, params)} ORDER BY id LIMIT 1000`, params);
    return rows.map(toChannel);
  }

  async insert(c: AlertChannel): Promise<void> {
    await this.db.query(`INSERT INTO cost.alert_channels (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      c.id, c.orgId, c.teamId, c.kind, c.target, c.secret, c.escalation, new Date(c.createdAt),
    ]);
  }

  async remove(scope: AdminScopeFilter, id: string): Promise<AlertChannel | undefined> {
    const params: unknown[] = [id];
    const rows = returned<Row>(await this.db.query(`DELETE FROM cost.alert_channels WHERE id = $1${scopeClause(scope, params)} RETURNING ${COLUMNS}`, params));
    return rows[0] && toChannel(rows[0]);
  }

  async delivered(alertId: string): Promise<Set<string>> {
    const rows: { channel_id: string }[] = await this.db.query('SELECT channel_id FROM cost.alert_deliveries WHERE alert_id = $1', [alertId]);
    return new Set(rows.map((r) => r.channel_id));
  }

  async markDelivered(alertId: string, channelId: string): Promise<void> {
    await this.db.query('INSERT INTO cost.alert_deliveries (alert_id, channel_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [alertId, channelId]);
  }
}
