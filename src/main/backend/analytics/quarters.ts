import { monthIndex } from '@shared/time';

/** The UTC quarter of an instant as one number, year × 4 + quarter − 1, so quarters sort and group as integers. */
export const quarterIndex = (ms: number): number => Math.floor(monthIndex(ms) / 3);

/** `2026Q3` of a quarter index. */
export const quarterLabel = (index: number): string => `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
