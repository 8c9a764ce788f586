import type { HelixConfig } from '@helix/config';
import type { Scope } from '@helix/analytics';

const visible = (scope: Scope, org: string, team: string) => (!scope.orgId || org === '*' || org === scope.orgId) && (!scope.teamId || team === '*' || team === scope.teamId);

/**
 * The read-only settings page: models and their routes, the request-path
 * policies (budget, PII, cache, rate limits). Names and switches only: no
 * credentials, keys, URLs or recognizer patterns.
 */
export function settingsView(config: HelixConfig, scope: Scope) {
  const p = config.pipeline;
  return {
    models: config.models.map((m) => ({
      name: m.name,
      kind: m.kind,
      strategy: m.routing.strategy,
      deployments: m.deployments.map((d) => ({ provider: d.provider, model: d.model, weight: d.weight, tags: d.tags })),
      fallbacks: m.fallbacks,
      context_fallbacks: m.contextFallbacks,
    })),
    policies: {
      budget: { enabled: p.budget.enabled, timeout_ms: p.budget.timeoutMs, fail_open: p.budget.failOpen },
      pii: {
        enabled: p.pii.enabled,
        timeout_ms: p.pii.timeoutMs,
        fail_open: p.pii.failOpen,
        policies: [config.pii.defaultPolicy, ...config.pii.policies]
          .filter((x) => visible(scope, x.org, x.team))
          .map((x) => ({ org: x.org, team: x.team, entities: x.entities, operators: x.operators.map((o) => ({ entity: o.entity, operator: o.operator })), restore: x.restore, scan_output: x.scanOutput })),
      },
      cache: {
        enabled: p.cache.enabled,
        scope: config.cache.scope,
        semantic_rules: config.cache.semantic.rules.filter((r) => visible(scope, '*', r.team)).map((r) => ({ model: r.model, team: r.team, enabled: r.enabled })),
      },
      rate_limits: { key_rpm: config.rateLimits.keyRpm ?? null, key_tpm: config.rateLimits.keyTpm ?? null, team_rpm: config.rateLimits.teamRpm ?? null, team_tpm: config.rateLimits.teamTpm ?? null, on_error: config.rateLimits.onError },
    },
  };
}
