import type { HelixConfig } from '@helix/config';
import type { Deployment } from '@helix/providers';

/**
 * The first usable deployment of an embeddings model in `models`, with its
 * account's URL and credentials, exactly as the gateway resolves it.
 */
export function resolveEmbeddingsDeployment(config: Pick<HelixConfig, 'providers' | 'models'>, name: string): Deployment {
  const model = config.models.find((m) => m.name === name);
  if (!model) throw new Error(`cache.semantic.embedder.model names "${name}", which is not in models`);
  if (model.kind !== 'embeddings') throw new Error(`cache.semantic.embedder.model "${name}" is a ${model.kind} model, not an embeddings model`);
  for (const d of model.deployments) {
    const a = config.providers.find((p) => p.name === d.provider);
    if (!a || (a.requiresKey && !a.apiKey && !(a.keyOptionalWithBaseUrl && a.baseUrl))) continue;
    return {
      id: d.id ?? `${a.name}/${d.model}`,
      provider: a.type,
      model: d.model,
      baseUrl: a.baseUrl ?? '',
      apiKey: a.apiKey || undefined,
      headers: a.headers,
      timeoutMs: d.timeoutMs,
      options: { ...a.options, ...d.options },
    };
  }
  throw new Error(`cache.semantic.embedder.model "${name}" has no deployment with an enabled account`);
}
