import { adminBody } from '../admin/admin-body.js';

const usd = { anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d{1,12})?$' }] };
const id = { type: 'string', minLength: 1, maxLength: 200 };

/** A budget as the admin API takes it: USD as a number or an exact decimal string. */
export interface BudgetBody {
  org_id?: string;
  team_id?: string;
  level?: 'org' | 'team' | 'user' | 'key';
  scope_id?: string;
  period?: 'daily' | 'weekly' | 'monthly' | 'total';
  amount_usd?: number | string;
  hard_limit_usd?: number | string | null;
  strict?: boolean;
  thresholds?: number[];
  model_caps?: { model: string; limit_usd: number | string }[];
}

const properties = {
  period: { enum: ['daily', 'weekly', 'monthly', 'total'] },
  amount_usd: usd,
  hard_limit_usd: { anyOf: [usd, { type: 'null' }] },
  strict: { type: 'boolean' },
  thresholds: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 1000 }, maxItems: 20 },
  model_caps: {
    type: 'array',
    maxItems: 100,
    items: { type: 'object', properties: { model: { type: 'string', minLength: 1 }, limit_usd: usd }, required: ['model', 'limit_usd'], additionalProperties: false },
  },
};

export const createBudgetBody = adminBody<BudgetBody>({
  type: 'object',
  properties: { org_id: id, team_id: id, level: { enum: ['org', 'team', 'user', 'key'] }, scope_id: id, ...properties },
  required: ['level', 'period', 'amount_usd'],
});

export const updateBudgetBody = adminBody<BudgetBody>({ type: 'object', properties });

/** An alert channel as the admin API takes it. */
export interface ChannelBody {
  org_id?: string;
  team_id?: string;
  kind: 'webhook' | 'slack' | 'email';
  target: string;
  secret?: string;
  escalation?: boolean;
}

export const createChannelBody = adminBody<ChannelBody>({
  type: 'object',
  properties: {
    org_id: id,
    team_id: id,
    kind: { enum: ['webhook', 'slack', 'email'] },
    target: { type: 'string', minLength: 3, maxLength: 2000 },
    secret: { type: 'string', minLength: 16, maxLength: 200 },
    escalation: { type: 'boolean' },
  },
  required: ['kind', 'target'],
});
