import { AlertKind, type BudgetAlert } from '@helix/contracts';
import { picoToUsd } from '../../money/pico.js';

const KIND: Record<number, string> = {
  [AlertKind.THRESHOLD]: 'threshold',
  [AlertKind.HARD_LIMIT]: 'hard_limit',
  [AlertKind.UNPRICED_MODEL]: 'unpriced_model',
  [AlertKind.SPEND_ANOMALY]: 'spend_anomaly',
  [AlertKind.ESCALATION]: 'escalation',
};

/** The JSON body of a webhook alert (USD as exact decimal strings). */
export function alertJson(a: BudgetAlert): Record<string, unknown> {
  return {
    id: a.alertId,
    kind: KIND[a.kind] ?? 'unknown',
    timestamp: new Date(Number(a.timestampMs)).toISOString(),
    org_id: a.tenant?.orgId ?? '',
    team_id: a.tenant?.teamId ?? '',
    level: a.level,
    scope_id: a.scopeId,
    period: a.period,
    period_start: a.periodStart,
    threshold_percent: a.thresholdPercent,
    spend_usd: picoToUsd(a.spendPicoUsd),
    limit_usd: picoToUsd(a.limitPicoUsd),
    model: a.model,
    score: a.score,
    message: a.message,
  };
}

/** A one-line subject for email and Slack. */
export function alertTitle(a: BudgetAlert): string {
  const kind = KIND[a.kind] ?? 'alert';
  const scope = a.level ? `${a.level} ${a.scopeId}` : `org ${a.tenant?.orgId ?? ''}`;
  return `[Helix] ${kind.replace('_', ' ')}: ${scope}`;
}

/** Slack incoming-webhook message: a text fallback and a section with the figures. */
export function slackMessage(a: BudgetAlert): Record<string, unknown> {
  const fields = [
    a.period && `*Period:* ${a.period} from ${a.periodStart}`,
    a.limitPicoUsd > 0n && `*Spend:* $${picoToUsd(a.spendPicoUsd)} of $${picoToUsd(a.limitPicoUsd)}`,
    a.model && `*Model:* ${a.model}`,
  ].filter(Boolean);
  return {
    text: `${alertTitle(a)}: ${a.message}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: alertTitle(a) } },
      { type: 'section', text: { type: 'mrkdwn', text: a.message } },
      ...(fields.length ? [{ type: 'section', text: { type: 'mrkdwn', text: fields.join('\n') } }] : []),
    ],
  };
}

/** Plain-text email body. */
export function emailText(a: BudgetAlert): string {
  return Object.entries(alertJson(a))
    .filter(([, v]) => v !== '' && v !== 0)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}
