import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, SERVICE_MATRIX } from '../integration/identity/access-matrix.js';

const GATEWAY = resolve(import.meta.dirname, '../../apps/gateway/src');

/** Every HTTP route the gateway's controllers declare, as `METHOD /path` with `:param` segments. */
async function gatewayRoutes(): Promise<string[]> {
  const files = readdirSync(GATEWAY, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.controller.ts'));
  const routes = new Set<string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(GATEWAY, file)).href)) as Record<string, unknown>;
    for (const cls of Object.values(mod)) {
      if (typeof cls !== 'function') continue;
      const base = Reflect.getMetadata(PATH_METADATA, cls) as string | undefined;
      if (base === undefined) continue;
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        routes.add(`${RequestMethod[method]} ${`/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, '')}`);
      }
    }
  }
  return [...routes].sort();
}

describe('the access matrix', () => {
  it('has a row for every HTTP route of the gateway (a new route without one fails here)', async () => {
    const routes = await gatewayRoutes();
    expect(routes).toContain('POST /v1/chat/completions');
    expect(routes).toContain('GET /admin/users/:id/export');
    const rows = new Set([...ACCESS_MATRIX, ...SERVICE_MATRIX].map((r) => r.route));
    expect(routes.filter((r) => !rows.has(r))).toEqual([]);
  });
});
