const KEY = 'helix.analytics.key';
const FILTERS = 'helix.analytics.filters';

/** The API key lives in session storage only: never in the URL, gone when the tab closes. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  save: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};

/** The chosen range and team, kept for the tab's session too. */
export const savedFilters = {
  load: (): { range?: string; team?: string } => {
    try {
      return JSON.parse(sessionStorage.getItem(FILTERS) ?? '{}');
    } catch {
      return {};
    }
  },
  save: (filters: { range: string; team: string }): void => sessionStorage.setItem(FILTERS, JSON.stringify(filters)),
};
