import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/dockerfile.js';

const DIR = join(ROOT, 'docker/prometheus');
const REQUIRED = ['HelixHighErrorRate', 'HelixHighLatencyP99', 'HelixConsumerLag', 'HelixBudgetExhausted', 'HelixPiiFailingClosed', 'HelixOutboxBacklog'];

function promtool(...args: string[]) {
  const res = spawnSync('promtool', args, { encoding: 'utf8' });
  if (res.error) throw new Error(`promtool cannot run (.ci/run installs the prometheus package): ${res.error.message}`);
  return { status: res.status, out: res.stdout + res.stderr };
}

interface Rule {
  alert: string;
  expr: string;
  labels: { severity: string };
  annotations: Record<string, string>;
}
const rules = (parse(readFileSync(join(DIR, 'rules.yml'), 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
const tests = parse(readFileSync(join(DIR, 'rules.test.yml'), 'utf8')) as { tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[] };

const scratch = mkdtempSync(join(tmpdir(), 'helix-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docker/prometheus/rules.yml', () => {
  it('passes promtool check rules', () => {
    const res = promtool('check', 'rules', join(DIR, 'rules.yml'));
    expect(res.out).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(res.status).toBe(0);
  });

  it('has the alerts issue 9 asks for, each with a severity, a summary and a runbook in docs/operations.md', () => {
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining(REQUIRED));
    const ops = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
    for (const r of rules) {
      expect(['critical', 'warning'], r.alert).toContain(r.labels.severity);
      expect(r.annotations.summary, r.alert).toBeTruthy();
      expect(r.annotations.runbook, r.alert).toBe(`docs/operations.md#${r.alert.toLowerCase()}`);
      expect(ops, `docs/operations.md has no "### ${r.alert}" section`).toMatch(new RegExp(`^### ${r.alert}$`, 'm'));
    }
  });

  it('passes promtool test rules, whose cases make every alert fire and keep one silent', () => {
    const res = promtool('test', 'rules', join(DIR, 'rules.test.yml'));
    expect(res.out).toContain('SUCCESS');
    expect(res.status).toBe(0);
    const cases = tests.tests.flatMap((t) => t.alert_rule_test);
    for (const r of rules) expect(cases.some((c) => c.alertname === r.alert && c.exp_alerts.length > 0), `${r.alert} never fires in rules.test.yml`).toBe(true);
    expect(cases.some((c) => c.exp_alerts.length === 0)).toBe(true);
  });

  it('fails those tests when a rule is weakened (the tests can fail)', () => {
    cpSync(join(DIR, 'rules.test.yml'), join(scratch, 'rules.test.yml'));
    const weakened = readFileSync(join(DIR, 'rules.yml'), 'utf8').replace('/ sum(rate(helix_requests_total[5m])) > 0.05', '/ sum(rate(helix_requests_total[5m])) > 0.5');
    expect(weakened).not.toBe(readFileSync(join(DIR, 'rules.yml'), 'utf8'));
    writeFileSync(join(scratch, 'rules.yml'), weakened);
    const res = promtool('test', 'rules', join(scratch, 'rules.test.yml'));
    expect(res.status).not.toBe(0);
    expect(res.out).toContain('HelixHighErrorRate');
  });
});
