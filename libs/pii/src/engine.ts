import type { PiiConfig } from '@helix/config';
import type { Analyzer } from './analyzer/analyzer.js';
import type { Recognizer } from './analyzer/finding.js';
import { NodePiiCrypto, type PiiCrypto } from './anonymize/pii-crypto.js';
import { PolicyBook } from './policy/policy-book.js';
import { buildAnalyzer, builtInRecognizers } from './recognizers/registry.js';

/** Everything a config compiles into: the analyzer, the policies and the operator keys. Rebuilt on reload. */
export interface PiiEngine {
  analyzer: Analyzer;
  policies: PolicyBook;
  crypto: PiiCrypto;
}

let builtIns: Recognizer[] | undefined;

/** Compiles `cfg`. The built-in recognizers (and their gazetteers) are made once per process and shared. */
export function createPiiEngine(cfg: PiiConfig, crypto: PiiCrypto = new NodePiiCrypto(cfg)): PiiEngine {
  builtIns ??= builtInRecognizers();
  return { analyzer: buildAnalyzer(cfg, builtIns), policies: new PolicyBook(cfg), crypto };
}
