import { launchChromium } from '../../test/browser/support/chromium.js';

/**
 * Time from navigation to /dashboard until every chart of the Overview page has
 * rendered (each `[data-chart]` says `data-rendered="true"`), warm: logged in
 * (key in session storage), range 30 days, one navigation to warm up first; the
 * median of `runs` fresh page loads.
 */
export async function overviewRenderTime(baseUrl: string, key: string, runs = 5): Promise<{ median: number; max: number; charts: number }> {
  const browser = await launchChromium();
  try {
    const { page } = browser;
    await page.goto(`${baseUrl}/dashboard`);
    await page.evaluate((k) => {
      (globalThis as any).sessionStorage.setItem('helix.analytics.key', k);
      (globalThis as any).sessionStorage.setItem('helix.analytics.filters', JSON.stringify({ range: '30d', team: '' }));
    }, key);
    const rendered = () =>
      page.waitForFunction(
        () => {
          const charts = [...(globalThis as any).document.querySelectorAll('[data-chart]')] as { getAttribute(name: string): string | null }[];
          return charts.length > 0 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
        },
        null,
        { timeout: 60_000, polling: 'raf' },
      );
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto('about:blank');
      const t = performance.now();
      await page.goto(`${baseUrl}/dashboard#/overview`, { waitUntil: 'commit' });
      await rendered();
      if (i > 0) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, charts: await page.locator('[data-chart]').count() };
  } finally {
    await browser.close();
  }
}
