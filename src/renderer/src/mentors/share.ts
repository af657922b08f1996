/**
 * The one rule of mentor shares, checked before a tag is sent (the backend checks it again
 * and has the last word): a share is 0–100%, and the shares of one deal add up to at most
 * 100%. Sums are taken in hundredths of a percent, so 33.3 + 33.3 + 33.4 is exactly 100.
 */
export type ShareProblem =
  { kind: 'required' } | { kind: 'range' } | { kind: 'sum'; total: number; room: number };

const hundredths = (pct: number) => Math.round(pct * 100);

/** What is wrong with `value` as a share on a deal whose other mentors hold `others`; null when fine. */
export function shareProblem(value: number | string, others: readonly number[]): ShareProblem | null {
  if (value === '' || (typeof value === 'number' && Number.isNaN(value))) return { kind: 'required' };
  const share = Number(value);
  if (!Number.isFinite(share)) return { kind: 'required' };
  if (share < 0 || share > 100) return { kind: 'range' };
  const taken = others.reduce((sum, pct) => sum + hundredths(pct), 0);
  const total = taken + hundredths(share);
  if (total > 100_00) return { kind: 'sum', total: total / 100, room: Math.max(0, 100_00 - taken) / 100 };
  return null;
}

/** The sum of a deal's shares, for "shared in total". */
export const totalShare = (shares: readonly number[]): number =>
  shares.reduce((sum, pct) => sum + hundredths(pct), 0) / 100;
