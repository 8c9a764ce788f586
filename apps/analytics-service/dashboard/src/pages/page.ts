import type { Params } from '../api.js';
import type { Window } from '../range.js';

/** What a page is drawn for: the time window and team filter chosen in the header. */
export interface PageContext {
  window: Window;
  teamId?: string;
  /** `from`, `to` and `team_id`, ready for the API. */
  params: Params;
}

/** An export button of a page: which query, as what file. */
export interface PageExport {
  label: string;
  path: string;
  params: Params;
  name: string;
}

/** A page: its content for a context, and what its export buttons download. */
export interface Page {
  title: string;
  render(ctx: PageContext): Promise<{ content: HTMLElement[]; exports: PageExport[] }>;
}
