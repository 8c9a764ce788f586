import type { ConfigIssue, ConfigStore, HelixConfig } from '@helix/config';
import { getProvider, hasDeploymentCheck, isProviderId } from '@helix/providers';
import { ModelCatalog } from './model-catalog.js';

/**
 * The live model catalog. A config reload builds a new catalog and swaps it in
 * whole; requests in flight keep the routes they resolved.
 */
export class ModelRoutes {
  private catalog: ModelCatalog;
  private readonly unsubscribe: () => void;

  constructor(store: ConfigStore) {
    store.addCheck(catalogIssues);
    this.catalog = new ModelCatalog(store.current);
    this.unsubscribe = store.subscribe((next) => {
      this.catalog = new ModelCatalog(next);
    });
  }

  readonly current = (): ModelCatalog => this.catalog;

  close(): void {
    this.unsubscribe();
  }
}

/** Every account names a provider the registry knows, and each adapter accepts its deployments (keys, regions). */
function catalogIssues(config: HelixConfig): ConfigIssue[] {
  const types = config.providers.flatMap((a, i) =>
    isProviderId(a.type) ? [] : [{ path: `providers.${i}.type`, message: `"${a.type}" is not a known provider type` }],
  );
  if (types.length) return types;
  const catalog = new ModelCatalog(config);
  return config.models.flatMap((m, i) => {
    const resolved = m.name === '*' ? undefined : catalog.get(m.name);
    return (resolved?.deployments ?? []).flatMap((dep, j) => {
      const { adapter } = getProvider(dep.provider);
      return hasDeploymentCheck(adapter) ? adapter.checkDeployment(dep).map((message) => ({ path: `models.${i}.deployments.${j}`, message })) : [];
    });
  });
}
