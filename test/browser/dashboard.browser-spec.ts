import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionKey, type ProvisionedKey } from '../e2e/support/admin-client.js';
import { spawnHelix, type HelixProcess } from '../e2e/support/helix-process.js';
import { until } from '../support/wait.js';
import { chartsRendered, launchChromium } from './support/chromium.js';
import { analytics, chat } from './support/traffic.js';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/browser');
const MASTER = `hx-${'b'.repeat(43)}`;
const PAGES = ['overview', 'caching', 'cost', 'pii', 'settings'];

describe('the dashboard in Chromium, on the standalone process with seeded traffic', () => {
  let helix: HelixProcess;
  let analyst: ProvisionedKey;
  let teamB: ProvisionedKey;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    helix = await spawnHelix('standalone', {
      env: { HELIX_MASTER_KEY: MASTER },
      config: { cost: { prices: { overrides: [{ model: 'mock-gpt', inputPerMTok: 10, outputPerMTok: 30 }] } } },
    });
    const teamA = await provisionKey(helix.url, MASTER);
    teamB = await provisionKey(helix.url, MASTER, { orgId: teamA.orgId });
    analyst = await provisionKey(helix.url, MASTER, { role: 'analyst', orgId: teamA.orgId, teamId: teamA.teamId });
    const repeated = Array.from({ length: 12 }, (_, i) => `What is the capital of country number ${i % 4}?`);
    const personal = Array.from({ length: 6 }, (_, i) => `Please email jane.doe${i}@example.com about the invoice ${i}`);
    expect(await chat(helix.url, teamA.key, repeated)).toBe(12);
    expect(await chat(helix.url, teamB.key, personal)).toBe(6);
    await until(async () => (await analytics(helix.url, analyst.key, 'requests')).data[0].requests === 18, 'the 18 requests in analytics', 30_000);
    browser = await launchChromium();
    browser.page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    browser.page.on('pageerror', (e) => void consoleErrors.push(e.message));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await helix?.dispose();
  });

  it('logs in with an analyst key kept in session storage, never in the URL', async () => {
    const { page } = browser;
    await page.goto(`${helix.url}/dashboard`);
    await page.fill('#key', analyst.key);
    await page.click('button[type=submit]');
    await chartsRendered(page);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('helix.analytics.key'))).toBe(analyst.key);
    expect(page.url()).not.toContain(analyst.key);
    expect(await page.evaluate(() => (globalThis as any).localStorage.length)).toBe(0);
  });

  it('every page renders its charts from the seeded data (a screenshot each)', async () => {
    const { page } = browser;
    for (const name of PAGES) {
      await page.click(`nav a[data-page=${name}]`);
      await page.waitForFunction((n) => (globalThis as any).document.querySelector('nav a.active')?.getAttribute('data-page') === n && (globalThis as any).document.querySelector('h2')?.textContent?.toLowerCase() === n, name);
      const charts = await chartsRendered(page);
      expect(charts, name).toBeGreaterThan(0);
      await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
    }
    await page.click('nav a[data-page=overview]');
    await chartsRendered(page);
    expect(await page.textContent('[data-tile=requests] .tile-value')).toBe('18');
    expect(await page.textContent('[data-tile=spend] .tile-value')).not.toBe('$0.00');
    await page.click('nav a[data-page=pii]');
    await chartsRendered(page);
    expect(await page.textContent('[data-chart=by-entity]')).toContain('EMAIL_ADDRESS');
    await page.click('nav a[data-page=settings]');
    await chartsRendered(page);
    expect(await page.textContent('[data-chart=models]')).toContain('mock-gpt');
  });

  it('the team filter changes the numbers', async () => {
    const { page } = browser;
    await page.click('nav a[data-page=overview]');
    await chartsRendered(page);
    await page.selectOption('#team', teamB.teamId);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('[data-tile=requests] .tile-value')?.textContent === '6');
    await chartsRendered(page);
    await page.selectOption('#team', '');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('[data-tile=requests] .tile-value')?.textContent === '18');
    await page.selectOption('#range', '30d');
    await chartsRendered(page);
    expect(await page.textContent('[data-tile=requests] .tile-value')).toBe('18');
  });

  it('the export button downloads a CSV', async () => {
    const { page } = browser;
    await page.click('nav a[data-page=cost]');
    await chartsRendered(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=requests]')]);
    expect(download.suggestedFilename()).toBe('helix-requests.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toMatch(/^event_id,started_at,/);
    expect(csv).toHaveLength(19);
  });

  it('wrote nothing to the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
