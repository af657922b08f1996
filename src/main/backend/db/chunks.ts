/**
 * Rows per multi-row statement: one compiled statement instead of one per row (each
 * compile costs tens of microseconds), kept well under SQLite's 32,766 bound variables.
 */
export const ROWS_PER_STATEMENT = 500;

export function* chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
