/** One column of a batch insert: its name, Postgres type, and how a row gives its value. */
export type Column<R> = [name: string, type: string, value: (r: R) => unknown];

/** `SELECT * FROM unnest($1::t1[], …) AS t(c1, …)`: a batch as one array parameter per column. */
export const unnestSelect = <R>(columns: readonly Column<R>[]): string =>
  `SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${columns.map(([n]) => n).join(', ')})`;

/** The parameters of {@link unnestSelect} for a batch of rows. */
export const unnestParams = <R>(columns: readonly Column<R>[], rows: readonly R[]): unknown[][] => columns.map(([, , value]) => rows.map(value));
