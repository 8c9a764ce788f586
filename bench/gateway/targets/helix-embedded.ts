import { GATEWAY_CORE, type Target } from './target.js';
import { startHelix, upstreamConfig } from './helix.js';

/** `apps/standalone`: the embedded default (in-process bus journaled to disk, PGlite, in-memory rate limits). */
export function helixEmbedded(mockOrigin: string, profileDir?: string): Promise<Target> {
  return startHelix(GATEWAY_CORE, 'Helix embedded', 'apps/standalone: in-process bus (events journaled to disk), PGlite, in-memory rate limits', {
    app: 'standalone',
    config: { mode: 'embedded', ...upstreamConfig(mockOrigin) },
    profileDir,
  });
}
