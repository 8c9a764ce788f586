import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from './caller.js';
import { StaticFiles } from './static-files.js';

/**
 * Where the built dashboard is: `dist/apps/analytics-service/public` (`npm run
 * build` puts it there, beside this file's compiled copy); run from source, the
 * built copy under `dist/` of the working directory.
 */
export function dashboardDir(): string {
  const beside = fileURLToPath(new URL('../../public/', import.meta.url));
  return existsSync(beside) ? beside : resolve('dist/apps/analytics-service/public');
}

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const files = new StaticFiles(dashboardDir);
const assets = new StaticFiles(() => join(dashboardDir(), 'assets'));

/** The web dashboard at `/dashboard`: static assets, no key needed to load them (the API calls need one). */
@ApiExcludeController()
@Controller('dashboard')
@PublicRoute()
export class DashboardController {
  @Get() index(@Res() reply: FastifyReply) {
    return files.send(reply, 'index.html', 'no-cache', { 'content-security-policy': CSP, 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  }

  @Get('assets/:file') asset(@Param('file') file: string, @Res() reply: FastifyReply) {
    return assets.send(reply, file, 'public, max-age=31536000, immutable');
  }
}
