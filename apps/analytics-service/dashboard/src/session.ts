const KEY = 'helix.analytics.key';

/** The API key lives in session storage only: never in the URL, gone when the tab closes. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  save: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};
