import type { Pattern } from '../../analyzer/pattern.recognizer.js';

/**
 * Vendor key formats that the Node 20 build of secretlint's preset does not cover,
 * from each vendor's documented prefix. One line each; the preset stays first.
 */
const FORMATS: readonly [name: string, source: string][] = [
  ['openai-project', 'sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}'],
  ['anthropic-admin', 'sk-ant-(?:admin|api)\\d{2}-[A-Za-z0-9_-]{80,120}'],
  ['stripe', '(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,99}'],
  ['stripe-webhook', 'whsec_[A-Za-z0-9]{32,}'],
  ['gitlab', 'gl(?:pat|dt|ptt|rt|oas|cbt|ft|imt|agent)-[A-Za-z0-9_-]{20,}'],
  ['github-fine', 'github_pat_[A-Za-z0-9_]{60,}'],
  ['slack', 'xox[abposr]-(?:\\d+-)+[A-Za-z0-9-]{10,}'],
  ['slack-app', 'xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{32,}'],
  ['gcp-api', 'AIza[0-9A-Za-z_-]{35}'],
  ['aws-access-key', '(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}'],
  ['azure-client-secret', '[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}'],
  ['twilio', '(?:SK|AC)[0-9a-f]{32}'],
  ['huggingface', 'hf_[A-Za-z]{34}'],
  ['groq', 'gsk_[A-Za-z0-9]{52}'],
  ['databricks', 'dapi[0-9a-f]{32}(?:-\\d)?'],
  ['tailscale', 'tskey-(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{20,}'],
  ['vercel', 'vercel_[A-Za-z0-9]{20,}|(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{40,}'],
  ['notion', '(?:secret|ntn)_[A-Za-z0-9]{43,46}'],
  ['grafana', 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2}'],
  ['docker', 'dckr_pat_[A-Za-z0-9_-]{27,}'],
  ['figma', 'figd_[A-Za-z0-9_-]{40,}'],
  ['vault', 'hv[sbr]\\.[A-Za-z0-9_-]{24,}'],
  ['sendgrid', 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'],
  ['npm', 'npm_[A-Za-z0-9]{36}'],
  ['pypi', 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'],
  ['mailgun', 'key-[0-9a-f]{32}'],
  ['shopify', 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'],
  ['linear', 'lin_(?:api|oauth)_[A-Za-z0-9]{40}'],
  ['cloudflare-origin-ca', 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'],
  ['doppler', 'dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,}'],
  ['digitalocean', 'do[opr]_v1_[a-f0-9]{64}'],
  ['atlassian', 'ATATT3[A-Za-z0-9_=-]{180,}'],
  ['new-relic', 'NRAK-[A-Z0-9]{27}'],
  ['pulumi', 'pul-[a-f0-9]{40}'],
  ['postman', 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}'],
  ['age-secret', 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'],
];

export const vendorKeyPatterns = (): Pattern[] =>
  FORMATS.map(([name, source]) => ({ name, regex: new RegExp(`(?<![A-Za-z0-9_-])(?:${source})(?![A-Za-z0-9_-])`, 'g'), score: 1 }));
