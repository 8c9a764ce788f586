import { ApiError, rows, whenUnauthorized } from './api.js';
import { fill, h } from './dom.js';
import { RANGES, windowOf, type RangeKey } from './range.js';
import { savedFilters, session } from './session.js';
import { login } from './login.js';
import { cachingPage } from './pages/caching.page.js';
import { costPage } from './pages/cost.page.js';
import { overviewPage } from './pages/overview.page.js';
import type { Page, PageExport } from './pages/page.js';
import { piiPage } from './pages/pii.page.js';
import { settingsPage } from './pages/settings.page.js';
import { downloadCsv } from './api.js';
import './style.css';

const PAGES: Record<string, Page> = { overview: overviewPage, caching: cachingPage, cost: costPage, pii: piiPage, settings: settingsPage };
const REFRESH_MS = 30_000;
const app = document.getElementById('app')!;
const saved = savedFilters.load();
const state = { page: 'overview', range: (saved.range && saved.range in RANGES ? saved.range : '7d') as RangeKey, team: saved.team ?? '' };
let timer: number | undefined;
let drawing = 0;

function pageFromHash(): string {
  const name = location.hash.replace(/^#\/?/, '');
  return PAGES[name] ? name : 'overview';
}

/** The shell: navigation, filters (range, team), export buttons, the page. */
function shell(): { content: HTMLElement; exports: HTMLElement; teams: HTMLSelectElement; status: HTMLElement } {
  const changed = () => (savedFilters.save({ range: state.range, team: state.team }), void draw());
  const teams = h('select', { id: 'team', 'aria-label': 'Team', onchange: (e) => ((state.team = (e.target as HTMLSelectElement).value), changed()) }, h('option', { value: '' }, 'All teams'));
  const range = h('select', { id: 'range', 'aria-label': 'Time range', onchange: (e) => ((state.range = (e.target as HTMLSelectElement).value as RangeKey), changed()) },
    ...Object.entries(RANGES).map(([k, label]) => h('option', { value: k, selected: k === state.range }, `Last ${label}`)));
  const content = h('main', { id: 'content' });
  const exports = h('span', { class: 'exports' });
  const status = h('span', { class: 'status', id: 'status' });
  fill(app,
    h('header', {},
      h('strong', { class: 'brand' }, 'Helix analytics'),
      h('nav', {}, ...Object.entries(PAGES).map(([name, p]) => h('a', { href: `#/${name}`, 'data-page': name, class: name === state.page ? 'active' : undefined }, p.title))),
      h('span', { class: 'filters' }, range, teams, exports, status, h('button', { type: 'button', id: 'logout', onclick: () => (session.clear(), start()) }, 'Log out')),
    ),
    content,
  );
  return { content, exports, teams, status };
}

let ui: ReturnType<typeof shell> | undefined;

async function loadTeams(): Promise<void> {
  const w = windowOf(state.range, Date.now());
  const teams = await rows('requests', { from: w.from, to: w.to, group_by: 'team' }).catch(() => []);
  const select = ui!.teams;
  fill(select, h('option', { value: '' }, 'All teams'), ...teams.filter((t) => t.team_id).map((t) => h('option', { value: t.team_id, selected: t.team_id === state.team }, t.team_id)));
}

function exportButton(e: PageExport): HTMLElement {
  return h('button', { type: 'button', class: 'export', 'data-export': e.name, onclick: () => void downloadCsv(e.path, e.params, e.name).catch((err: unknown) => showError(err)) }, e.label);
}

function showError(err: unknown): void {
  if (ui) ui.status.textContent = err instanceof ApiError ? err.message : 'The analytics API did not answer.';
}

/** Draws the current page; a newer draw wins over one still loading. */
async function draw(quiet = false): Promise<void> {
  if (!ui) return;
  const mine = ++drawing;
  const page = PAGES[state.page]!;
  const window = windowOf(state.range, Date.now());
  const params = { from: window.from, to: window.to, team_id: state.team || undefined };
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.getAttribute('data-page') === state.page);
  if (!quiet) ui.content.setAttribute('aria-busy', 'true');
  try {
    const { content, exports } = await page.render({ window, teamId: state.team || undefined, params });
    if (mine !== drawing) return;
    fill(ui.content, h('h2', {}, page.title), ...content);
    fill(ui.exports, ...exports.map(exportButton));
    ui.status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (err) {
    if (mine === drawing) showError(err);
  } finally {
    if (mine === drawing) ui.content.setAttribute('aria-busy', 'false');
  }
}

function start(): void {
  clearInterval(timer);
  ui = undefined;
  if (!session.key()) return login(app, start);
  state.page = pageFromHash();
  ui = shell();
  void loadTeams();
  void draw();
  timer = window.setInterval(() => void draw(true), REFRESH_MS);
}

window.addEventListener('hashchange', () => {
  state.page = pageFromHash();
  void draw();
});
whenUnauthorized(() => {
  session.clear();
  start();
});
start();
