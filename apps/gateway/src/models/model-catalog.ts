import type { HelixConfig, ModelConfig, ModelRoutingConfig, ProviderAccountConfig } from '@helix/config';
import type { Deployment } from '@helix/providers';

/**
 * A deployment with what the router reads: its configured id (a bounded metric label), weight,
 * capacity and tags. The catalog sets them all; hand-built routes (tests) may leave them out.
 */
export interface RoutedDeployment extends Deployment {
  /** The id as configured (a wildcard deployment keeps its `*` here, while `id` names the model asked for). Default `id`. */
  configId?: string;
  /** Default 1. */
  weight?: number;
  rpm?: number;
  tpm?: number;
  /** Default none. */
  tags?: readonly string[];
}

/** The breaker, stats and metrics key of a deployment. */
export const routingKey = (d: RoutedDeployment): string => d.configId ?? d.id;

/** A public model, resolved: the deployments that may serve it, in order. */
export interface ResolvedModel {
  name: string;
  /** The configured name (`*` for a wildcard match): a bounded label for metrics. */
  configName: string;
  kind: 'chat' | 'embeddings';
  tools: boolean;
  vision: boolean;
  ownedBy: string;
  deployments: RoutedDeployment[];
  /** Default none. */
  fallbacks?: readonly string[];
  /** Default none. */
  contextFallbacks?: readonly string[];
  /** Default: the defaults of `ModelRoutingConfig`. */
  routing?: ModelRoutingConfig;
}

const WILDCARD = '*';

/**
 * The public models of one config, computed once at load (and again on a reload,
 * swapped whole). A model appears only when at least one of its deployments has an
 * enabled account; `*` serves any other name with that name sent upstream.
 */
export class ModelCatalog {
  private readonly byName = new Map<string, ResolvedModel>();
  private readonly wildcard?: ResolvedModel;

  constructor(config: Pick<HelixConfig, 'providers' | 'models'>) {
    const accounts = new Map(config.providers.filter(enabled).map((a) => [a.name, a]));
    for (const model of config.models) {
      const resolved = resolve(model, accounts);
      if (!resolved.deployments.length) continue;
      if (model.name === WILDCARD) this.wildcard = resolved;
      else this.byName.set(model.name, resolved);
    }
  }

  get(name: string): ResolvedModel | undefined {
    const found = this.byName.get(name);
    if (found || !this.wildcard) return found;
    return {
      ...this.wildcard,
      name,
      deployments: this.wildcard.deployments.map((d) => (d.model === WILDCARD ? { ...d, model: name, id: `${d.id.slice(0, -1)}${name}` } : d)),
    };
  }

  list(): ResolvedModel[] {
    return [...this.byName.values()];
  }
}

function enabled(a: ProviderAccountConfig): boolean {
  if (!a.requiresKey || a.apiKey) return true;
  return a.keyOptionalWithBaseUrl && !!a.baseUrl;
}

function resolve(model: ModelConfig, accounts: Map<string, ProviderAccountConfig>): ResolvedModel {
  const deployments: RoutedDeployment[] = [];
  for (const d of model.deployments) {
    const account = accounts.get(d.provider);
    if (!account) continue;
    const id = d.id ?? `${account.name}/${d.model}`;
    deployments.push({
      id,
      configId: id,
      weight: d.weight,
      rpm: d.rpm,
      tpm: d.tpm,
      tags: d.tags,
      provider: account.type,
      model: d.model,
      baseUrl: account.baseUrl ?? '',
      apiKey: account.apiKey || undefined,
      headers: account.headers,
      timeoutMs: d.timeoutMs,
      options: { ...account.options, ...d.options },
    });
  }
  return {
    name: model.name,
    configName: model.name,
    kind: model.kind,
    tools: model.tools,
    vision: model.vision,
    ownedBy: model.ownedBy ?? model.deployments[0]?.provider ?? 'helix',
    deployments,
    fallbacks: model.fallbacks,
    contextFallbacks: model.contextFallbacks,
    routing: model.routing,
  };
}
