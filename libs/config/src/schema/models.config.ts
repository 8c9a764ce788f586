import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import type { HelixConfig } from './helix.config.js';

/**
 * A provider account: where an upstream lives and how to authenticate. Deployments
 * name an account; secrets stay here (from the environment), never in requests.
 */
export class ProviderAccountConfig {
  /** The account's name, which deployments refer to. */
  @IsString() @Matches(/^[\w.-]{1,64}$/) readonly name!: string;

  /** Adapter id in the provider registry: `openai`, `openai-compatible`, `mock`, ... */
  @IsString() @IsNotEmpty() readonly type!: string;

  /** Base URL of the upstream API, e.g. `https://api.openai.com/v1`. Empty = the adapter's default. */
  @IsOptional() @IsString() readonly baseUrl?: string;

  /** API key; reference the environment (`${OPENAI_API_KEY:-}`). */
  @IsOptional() @IsString() readonly apiKey?: string;

  /** The account is only enabled when `apiKey` is non-empty (or `baseUrl` is set and `keyOptionalWithBaseUrl`). Default false. */
  @IsBoolean() readonly requiresKey: boolean = false;

  /** With `requiresKey`, a custom `baseUrl` enables the account without a key (local OpenAI-compatible servers). */
  @IsBoolean() readonly keyOptionalWithBaseUrl: boolean = false;

  /** Extra headers sent upstream with every request. */
  @IsOptional() @IsObject() readonly headers?: Record<string, string>;

  /** Adapter-specific settings (organization, api-version, region, mock latency ...). */
  @IsOptional() @IsObject() readonly options?: Record<string, unknown>;
}

/** One way to serve a public model: an account and the upstream model name. */
export class DeploymentConfig {
  /** Stable id for headers, events and metrics. Default `<account>/<model>`. */
  @IsOptional() @IsString() @IsNotEmpty() readonly id?: string;

  /** Name of the account in `providers`. */
  @IsString() @IsNotEmpty() readonly provider!: string;

  /** Model name sent upstream; `*` sends the name the client asked for. */
  @IsString() @IsNotEmpty() readonly model!: string;

  /** Per-attempt timeout in ms. Default 600000 (10 minutes, as long answers stream for minutes). */
  @IsInt() @Min(1) readonly timeoutMs: number = 600_000;

  /** Overrides of the account's settings for this deployment. */
  @IsOptional() @IsObject() readonly options?: Record<string, unknown>;
}

/** A public model name clients ask for, and the deployments that serve it. */
export class ModelConfig {
  /** The name in requests and `/v1/models`; `*` matches any name not configured otherwise. */
  @IsString() @Matches(/^(\*|[\w.:/@-]{1,128})$/) readonly name!: string;

  @ValidateNested({ each: true }) @Type(() => DeploymentConfig) readonly deployments: DeploymentConfig[] = [];

  /** The model takes `tools`. Default true. */
  @IsBoolean() readonly tools: boolean = true;

  /** The model takes image parts. Default true. */
  @IsBoolean() readonly vision: boolean = true;

  /** `chat` or `embeddings`. Default `chat`. */
  @IsIn(['chat', 'embeddings']) readonly kind: 'chat' | 'embeddings' = 'chat';

  /** Owner shown in `/v1/models`. Default the first deployment's account. */
  @IsOptional() @IsString() readonly ownedBy?: string;
}

/** Every deployment names an account that exists; model names are unique. */
export function modelsReferToAccounts({ providers, models }: HelixConfig): ConfigIssue | undefined {
  const accounts = new Set(providers.map((p) => p.name));
  const seen = new Set<string>();
  for (const [i, m] of models.entries()) {
    if (seen.has(m.name)) return { path: `models.${i}.name`, message: `"${m.name}" is configured twice` };
    seen.add(m.name);
    for (const [j, d] of m.deployments.entries()) {
      if (!accounts.has(d.provider)) {
        return { path: `models.${i}.deployments.${j}.provider`, message: `names no account in providers (known: ${[...accounts].join(', ') || 'none'})` };
      }
    }
  }
  return undefined;
}
