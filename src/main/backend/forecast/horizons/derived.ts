import type { MessageRef } from '@shared/messages';

/** What the history says about one assumption, before any edit. */
export interface Derived {
  value: number;
  /** Observations behind it (the derivation says which). */
  n: number;
  basis: 'history' | 'fallback';
  derivation: MessageRef;
  /** Set when the history fell short: the fallback, or the wider window read. */
  fallback: MessageRef | null;
  /**
   * The value's own uncertainty as a standard deviation (log scale for rates and sizes,
   * share points for a win rate): how far the level may be off because it was read from a
   * finite number of deals. The band draws it once per run.
   */
  sd: number;
}

/**
 * A number for a sentence: fixed decimals, no trailing noise, thousands grouped (`12,345.6`;
 * English and Chinese both group with a comma, so the backend can write it once).
 */
export const figure = (x: number, digits = 1): string =>
  Number(x.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
/** A count of deals for a sentence, grouped as `figure` groups. */
export const count = (n: number): string => figure(n, 0);
/** A share as percent digits for a sentence (`0.2345` → `23.5`). */
export const percentFigure = (share: number, digits = 1): string => figure(share * 100, digits);
