import type { ConfigIssue, HelixConfig } from '@helix/config';
import { ALL_ENTITIES } from '../entities.js';

/**
 * Rules of the `pii` group that need this lib: entity names exist (built-in,
 * custom or deny-listed), `hash` and `encrypt` have their keys, recognizer names
 * are unique. Registered with `ConfigStore.addCheck`, so a bad config fails at start.
 */
export function piiConfigIssues({ pii }: HelixConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const known = new Set([...ALL_ENTITIES, ...pii.recognizers.map((r) => r.entity), ...pii.denyList.map((d) => d.entity)]);
  const names = new Set<string>();
  pii.recognizers.forEach((r, i) => {
    if (names.has(r.name)) issues.push({ path: `pii.recognizers.${i}.name`, message: `"${r.name}" is used twice` });
    names.add(r.name);
  });
  pii.thresholds.forEach((t, i) => {
    if (!known.has(t.entity)) issues.push({ path: `pii.thresholds.${i}.entity`, message: unknown(t.entity) });
  });
  [['defaultPolicy', pii.defaultPolicy] as const, ...pii.policies.map((p, i) => [`policies.${i}`, p] as const)].forEach(([at, p]) => {
    p.entities.forEach((e, j) => {
      if (!known.has(e)) issues.push({ path: `pii.${at}.entities.${j}`, message: unknown(e) });
    });
    p.operators.forEach((o, j) => {
      const path = `pii.${at}.operators.${j}`;
      if (o.entity !== '*' && !known.has(o.entity)) issues.push({ path: `${path}.entity`, message: unknown(o.entity) });
      if (o.operator === 'hash' && !pii.hashSecret) issues.push({ path: `${path}.operator`, message: 'hash needs pii.hashSecret' });
      if (o.operator === 'encrypt' && !pii.encryptionKeys.length) issues.push({ path: `${path}.operator`, message: 'encrypt needs pii.encryptionKeys' });
    });
  });
  return issues;
}

const unknown = (e: string) => `names no entity type Helix detects (built-in: ${ALL_ENTITIES.join(', ')}; or add a recognizer or deny list for it)`.replace(/^/, `"${e}" `);
