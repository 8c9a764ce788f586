import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with a fresh profile that is deleted on close. */
export async function launchChromium(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'helix-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Resolves once every chart of the page (`[data-chart]`) says it has drawn. */
export async function chartsRendered(page: Page, timeoutMs = 15_000): Promise<number> {
  await page.waitForFunction(
    () => {
      const charts = [...(globalThis as any).document.querySelectorAll('[data-chart]')] as { getAttribute(name: string): string | null }[];
      return charts.length > 0 && charts.every((c) => c.getAttribute('data-rendered') === 'true') && (globalThis as any).document.querySelector('main')?.getAttribute('aria-busy') === 'false';
    },
    null,
    { timeout: timeoutMs },
  );
  return page.locator('[data-chart]').count();
}
