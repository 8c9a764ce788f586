import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';

/** The anonymization operators: numbered placeholders (restorable), mask, keyed hash, removal, AES-256-GCM, or refusal. */
export const PII_OPERATORS = ['replace', 'mask', 'hash', 'redact', 'encrypt', 'block'] as const;
export type PiiOperatorName = (typeof PII_OPERATORS)[number];

/** Checks that a field is a regular expression JavaScript compiles, so a bad pattern fails at start. */
export function IsRegexSource(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isRegexSource',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value !== '' && compiles(value),
        defaultMessage: (args) => `must be a valid regular expression (${compileError(String(args?.value))})`,
      },
    },
    options,
  );
}

function compiles(source: string): boolean {
  return compileError(source) === '';
}

function compileError(source: string): string {
  try {
    new RegExp(source, 'gu');
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** What happens to one entity type. */
export class PiiOperatorConfig {
  /** Entity type, e.g. `EMAIL_ADDRESS`, or `*` for every type without its own line. */
  @IsString() @Matches(/^(\*|[A-Z][A-Z0-9_]*)$/) readonly entity!: string;

  /** `replace` | `mask` | `hash` | `redact` | `encrypt` | `block`. */
  @IsIn(PII_OPERATORS) readonly operator!: PiiOperatorName;

  /** `mask`: characters left visible at the end. Default 4. */
  @IsInt() @Min(0) @Max(64) readonly keepLast: number = 4;
}

/** The policy of an org or a team: which entities, what to do with them, and whether answers are restored. */
export class PiiPolicyConfig {
  /** Org id this policy applies to; `*` = any. */
  @IsString() readonly org: string = '*';

  /** Team id this policy applies to; `*` = any team of the org. A team policy wins over an org policy. */
  @IsString() readonly team: string = '*';

  /** Entity types to detect; empty = every type Helix knows plus the custom recognizers. */
  @IsString({ each: true }) readonly entities: string[] = [];

  /** Operators per entity type; a type with no line uses `*`, else `replace`. */
  @ValidateNested({ each: true }) @Type(() => PiiOperatorConfig) readonly operators: PiiOperatorConfig[] = [];

  /** Put original values back into the answer (only values that `replace` took out). */
  @IsBoolean() readonly restore: boolean = true;

  /** Also scan the model's answer; new personal data in it is redacted before it is cached or returned. */
  @IsBoolean() readonly scanOutput: boolean = false;
}

/** A recognizer defined in config: regexes, context words, a score and an optional checksum. */
export class PiiRecognizerConfig {
  /** Unique name, shown in analyzer results. */
  @IsString() @Matches(/^[\w.-]{1,64}$/) readonly name!: string;

  /** Entity type it reports, e.g. `EMPLOYEE_ID`. */
  @IsString() @Matches(/^[A-Z][A-Z0-9_]*$/) readonly entity!: string;

  /** JavaScript regular expressions (compiled with the `gu` flags at load). */
  @ArrayNotEmpty() @IsRegexSource({ each: true }) readonly patterns!: string[];

  /** Words near a match that raise its score (Presidio's context). */
  @IsString({ each: true }) readonly context: string[] = [];

  /** Score of a match, 0..1. Default 0.6. */
  @IsNumber() @Min(0) @Max(1) readonly score: number = 0.6;

  /** Checksum a match must pass: `luhn`, `iban`, `mod11` (UK NHS). */
  @IsOptional() @IsIn(['luhn', 'iban', 'mod11']) readonly validator?: 'luhn' | 'iban' | 'mod11';
}

/** Values to always report, as one entity type. */
export class PiiDenyListConfig {
  @IsString() @Matches(/^[A-Z][A-Z0-9_]*$/) readonly entity!: string;
  @ArrayNotEmpty() @IsString({ each: true }) readonly values!: string[];
}

/** A per-entity minimum score. */
export class PiiThresholdConfig {
  @IsString() @Matches(/^[A-Z][A-Z0-9_]*$/) readonly entity!: string;
  @IsNumber() @Min(0) @Max(1) readonly score!: number;
}

/** An AES-256-GCM key of the `encrypt` operator. */
export class PiiEncryptionKeyConfig {
  /** Key id written into each ciphertext, so keys can rotate. */
  @IsString() @Matches(/^[\w-]{1,32}$/) readonly id!: string;

  /** 32 bytes, base64. Reference the environment: `${HELIX_PII_KEY_2025}`. */
  @IsString() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64' }) readonly key!: string;
}

/** The pii-service: detection, anonymization and audit (DESIGN §2 step 3). */
export class PiiConfig {
  /** Language of the text; only `en` has NER rules. */
  @IsString() readonly language: string = 'en';

  /** Minimum score of a finding, for types with no threshold of their own. Default 0.5. */
  @IsNumber() @Min(0) @Max(1) readonly defaultThreshold: number = 0.5;

  /** Per-entity minimum scores, e.g. `{ entity: DATE_TIME, score: 0.3 }` to redact every date. */
  @ValidateNested({ each: true }) @Type(() => PiiThresholdConfig) readonly thresholds: PiiThresholdConfig[] = [];

  /** Values never reported (case-insensitive exact match), e.g. the company's own name. */
  @IsString({ each: true }) readonly allowList: string[] = [];

  /** Values always reported wherever they occur (whole words, case-insensitive). */
  @ValidateNested({ each: true }) @Type(() => PiiDenyListConfig) readonly denyList: PiiDenyListConfig[] = [];

  /** Custom recognizers, validated and compiled at load. */
  @ValidateNested({ each: true }) @Type(() => PiiRecognizerConfig) readonly recognizers: PiiRecognizerConfig[] = [];

  /** The default policy, for tenants no other policy matches. */
  @ValidateNested() @Type(() => PiiPolicyConfig) readonly defaultPolicy: PiiPolicyConfig = new PiiPolicyConfig();

  /** Org and team policies; the most specific match wins (team, then org). */
  @ValidateNested({ each: true }) @Type(() => PiiPolicyConfig) readonly policies: PiiPolicyConfig[] = [];

  /** Secret of the `hash` operator (HMAC-SHA256, keyed per tenant from it). Empty = `hash` is refused at load. */
  @IsString() readonly hashSecret: string = '';

  /** Keys of the `encrypt` operator; the first is used to encrypt, all to decrypt. */
  @ValidateNested({ each: true }) @Type(() => PiiEncryptionKeyConfig) readonly encryptionKeys: PiiEncryptionKeyConfig[] = [];

  /** Publish `helix.events.pii.detected.v1` for every request with a detection. */
  @IsBoolean() readonly audit: boolean = true;
}
