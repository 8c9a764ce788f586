import type { Pattern } from '../../analyzer/pattern.recognizer.js';

/**
 * Vendor key formats that the Node 20 build of secretlint's preset does not cover,
 * from each vendor's documented prefix. One line each: name, a literal (or a
 * short regex) every key of the format contains, checked before the regex
 * runs, and the regex. The preset stays first.
 */
const FORMATS: readonly [name: string, gate: string | RegExp, source: string][] = [
  ['openai-project', 'sk-', 'sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}'],
  ['anthropic-admin', 'sk-ant-', 'sk-ant-(?:admin|api)\\d{2}-[A-Za-z0-9_-]{80,120}'],
  ['stripe', /[sr]k_(?:live|test)_/, '(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,99}'],
  ['stripe-webhook', 'whsec_', 'whsec_[A-Za-z0-9]{32,}'],
  ['gitlab', /gl[a-z]{1,5}-/, 'gl(?:pat|dt|ptt|rt|oas|cbt|ft|imt|agent)-[A-Za-z0-9_-]{20,}'],
  ['github-fine', 'github_pat_', 'github_pat_[A-Za-z0-9_]{60,}'],
  ['slack', 'xox', 'xox[abposr]-(?:\\d+-)+[A-Za-z0-9-]{10,}'],
  ['slack-app', 'xapp-', 'xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{32,}'],
  ['gcp-api', 'AIza', 'AIza[0-9A-Za-z_-]{35}'],
  ['aws-access-key', /A[KSBC][IC]A/, '(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}'],
  ['azure-client-secret', 'Q~', '[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}'],
  ['twilio', /SK|AC/, '(?:SK|AC)[0-9a-f]{32}'],
  ['cloudflare-api', 'cf', 'cf(?:ut|k|at)_[A-Za-z0-9]{40,}'],
  ['huggingface', 'hf_', 'hf_[A-Za-z]{34}'],
  ['groq', 'gsk_', 'gsk_[A-Za-z0-9]{52}'],
  ['databricks', 'dapi', 'dapi[0-9a-f]{32}(?:-\\d)?'],
  ['tailscale', 'tskey-', 'tskey-(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{20,}'],
  ['vercel', /vercel_|vc[pikr]_/, 'vercel_[A-Za-z0-9]{20,}|(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{40,}'],
  ['notion', /secret_|ntn_/, 'secret_[A-Za-z0-9]{43}|ntn_\\d{11}[A-Za-z0-9]{35}'],
  ['grafana', /glsa_|glc_/, 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2}'],
  ['docker', 'dckr_pat_', 'dckr_pat_[A-Za-z0-9_-]{27,}'],
  ['figma', 'figd_', 'figd_[A-Za-z0-9_-]{40,}'],
  ['vault', /hv[sbr]\./, 'hv[sbr]\\.[A-Za-z0-9_-]{24,}'],
  ['sendgrid', 'SG.', 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'],
  ['npm', 'npm_', 'npm_[A-Za-z0-9]{36}'],
  ['pypi', 'pypi-', 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'],
  ['mailgun', 'key-', 'key-[0-9a-f]{32}'],
  ['shopify', 'shp', 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'],
  ['linear', 'lin_', 'lin_(?:api|oauth)_[A-Za-z0-9]{40}'],
  ['cloudflare-origin-ca', 'v1.0-', 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'],
  ['doppler', 'dp.', 'dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,}'],
  ['digitalocean', '_v1_', 'do[opr]_v1_[a-f0-9]{64}'],
  ['atlassian', 'ATATT3', 'ATATT3[A-Za-z0-9_=-]{180,}'],
  ['new-relic', 'NRAK-', 'NRAK-[A-Z0-9]{27}'],
  ['pulumi', 'pul-', 'pul-[a-f0-9]{40}'],
  ['postman', 'PMAK-', 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}'],
  ['age-secret', 'AGE-SECRET-KEY-1', 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'],
];

export const vendorKeyPatterns = (): Pattern[] =>
  FORMATS.map(([name, gate, source]) => ({ name, gate, regex: new RegExp(`(?:${source})(?![A-Za-z0-9_-])`, 'g'), notPrecededBy: /[A-Za-z0-9_-]/, score: 1 }));
