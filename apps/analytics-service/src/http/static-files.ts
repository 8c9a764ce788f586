import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { Errors } from '@helix/contracts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const SAFE_NAME = /^[\w][\w.-]{0,127}$/;

/**
 * Files of one directory, read once and kept in memory (a few hundred kB of
 * built assets). Only plain file names are served, so no path leaves the directory.
 */
export class StaticFiles {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly dir: () => string) {}

  async send(reply: FastifyReply, name: string, cacheControl: string, headers: Record<string, string> = {}): Promise<FastifyReply> {
    if (!SAFE_NAME.test(name) || !TYPES[extname(name)]) throw Errors.notFound(`No file ${name}.`);
    let body = this.cache.get(name);
    if (!body) {
      body = await readFile(join(this.dir(), name)).catch(() => {
        throw Errors.notFound(`No file ${name}.`);
      });
      this.cache.set(name, body);
    }
    return reply.type(TYPES[extname(name)]!).headers({ 'cache-control': cacheControl, 'x-content-type-options': 'nosniff', ...headers }).send(body);
  }
}
