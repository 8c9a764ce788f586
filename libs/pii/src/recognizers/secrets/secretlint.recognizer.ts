import { rules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleContext, SecretLintRuleReportHandler, SecretLintSourceCode } from '@secretlint/types';
import type { Finding, Recognizer } from '../../analyzer/finding.js';
import { Entities } from '../../entities.js';
import { credentialsInUrl } from './secret-patterns.js';

/** Rules of the preset that do not scan prompt text: comment directives, and GCP's, which reads .json/.p12 files. */
const SKIPPED = new Set(['@secretlint/secretlint-rule-filter-comments', '@secretlint/secretlint-rule-gcp']);

const ENTITY_OF_RULE: Record<string, string> = {
  '@secretlint/secretlint-rule-database-connection-string': Entities.connectionString,
  '@secretlint/secretlint-rule-basicauth': Entities.connectionString,
  '@secretlint/secretlint-rule-privatekey': Entities.privateKey,
};

/**
 * A cheap test per rule, from the formats each rule documents: a rule runs only
 * on text its gate matches, so a prompt without "sk-", "://" or "PRIVATE KEY"
 * never enters the openai, connection-string or private-key rules.
 */
const GATES: Record<string, RegExp> = {
  '@secretlint/secretlint-rule-aws': /AKIA|ASIA|ABIA|ACCA|aws|secret/i,
  '@secretlint/secretlint-rule-privatekey': /PRIVATE KEY/,
  '@secretlint/secretlint-rule-npm': /npm_|authToken/i,
  '@secretlint/secretlint-rule-basicauth': /:\/\//,
  '@secretlint/secretlint-rule-slack': /xox|xapp|slack/i,
  '@secretlint/secretlint-rule-sendgrid': /SG\./,
  '@secretlint/secretlint-rule-shopify': /shp/,
  '@secretlint/secretlint-rule-github': /gh[pousr]_|github_pat_/,
  '@secretlint/secretlint-rule-openai': /sk-/,
  '@secretlint/secretlint-rule-anthropic': /sk-ant/,
  '@secretlint/secretlint-rule-linear': /lin_/,
  '@secretlint/secretlint-rule-1password': /ops_/,
  '@secretlint/secretlint-rule-database-connection-string': /:\/\//,
};

interface CompiledRule {
  id: string;
  entity: string;
  gate: RegExp | undefined;
  handler: SecretLintRuleReportHandler;
}

/**
 * The rules of `@secretlint/secretlint-rule-preset-recommend` (AWS, GitHub,
 * Slack, OpenAI, Anthropic, npm, SendGrid, Shopify, Linear, 1Password, private
 * keys, basic auth, database URLs), each created once and run on the prompt text
 * as if it were a file, each only where its gate matches. Only their
 * synchronous reports count.
 */
export class SecretlintRecognizer implements Recognizer {
  readonly name = 'secretlint';
  readonly entities = [Entities.apiKey, Entities.connectionString, Entities.privateKey];
  private readonly rules: CompiledRule[];
  private sink: Finding[] = [];

  constructor() {
    this.rules = rules
      .filter((r) => !SKIPPED.has(r.meta.id))
      .map((r) => {
        const entity = ENTITY_OF_RULE[r.meta.id] ?? Entities.apiKey;
        const context: SecretLintRuleContext = {
          sharedOptions: {},
          createTranslator: (() => (messageId: string) => ({ message: messageId, messageId, data: {} })) as never,
          report: (d) => this.sink.push({ entityType: entity, start: d.range[0], end: d.range[1], score: 1, recognizer: `${this.name}:${r.meta.id.replace('@secretlint/secretlint-rule-', '')}` }),
          ignore: () => undefined,
        };
        return { id: r.meta.id, entity, gate: GATES[r.meta.id], handler: r.create(context, {} as never) };
      });
  }

  analyze(text: string): Finding[] {
    this.sink = [];
    let source: SecretLintSourceCode | undefined;
    for (const rule of this.rules) {
      if (rule.gate && !rule.gate.test(text)) continue;
      source ??= this.source(text);
      const pending = rule.handler.file?.(source);
      if (pending instanceof Promise) pending.catch(() => undefined);
    }
    const found = this.sink.flatMap((f) => (f.entityType === Entities.connectionString ? connection(text, f) : [f]));
    this.sink = [];
    return found;
  }

  private source(text: string): SecretLintSourceCode {
    return {
      hasBOM: false,
      content: text,
      filePath: undefined,
      physicalFilePath: undefined,
      contentType: 'text',
      ext: '',
      getFilePath: () => undefined,
      getPhysicalFilePath: () => undefined,
      locationToRange: () => [0, 0],
      rangeToLocation: () => ({ start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }),
      indexToPosition: (index: number) => ({ line: text.slice(0, index).split('\n').length, column: index - text.lastIndexOf('\n', index - 1) - 1 }),
    } as unknown as SecretLintSourceCode;
  }
}

/** A connection string as our own recognizer judges it: no trailing quote or `;`, and default credentials score low. */
function connection(text: string, f: Finding): Finding[] {
  let end = f.end;
  while (end > f.start && /["';,)\]]/.test(text[end - 1]!)) end--;
  const verdict = credentialsInUrl(text.slice(f.start, end));
  if (verdict === false) return [];
  return [{ ...f, end, score: typeof verdict === 'number' ? verdict : f.score }];
}
