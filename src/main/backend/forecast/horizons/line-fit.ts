/**
 * A straight line through points by weighted least squares, with what the band needs: how
 * far the points scatter around it and how uncertain its slope is.
 */
export interface LineFit {
  slope: number;
  intercept: number;
  /** The weighted mean of x: the line is surest there, and a projection's doubt grows away from it. */
  centre: number;
  /**
   * The scatter of a point of average weight around the line: √(Σ wᵢ rᵢ² / (n − 2)) with the
   * weights scaled to a mean of 1 (the usual residual standard error when all weigh 1).
   */
  residualSd: number;
  /** The slope's standard error: residualSd / √(Σ wᵢ (xᵢ − centre)²). */
  slopeSe: number;
  n: number;
}

/**
 * The weighted least-squares line; null with fewer than three points of positive weight or
 * when every x is the same (no slope to read). Three points leave one degree of freedom for
 * the scatter; the callers ask for more.
 */
export function fitLine(
  x: readonly number[],
  y: readonly number[],
  weights?: readonly number[],
): LineFit | null {
  const points = x
    .map((xi, i) => ({ x: xi, y: y[i]!, w: weights ? weights[i]! : 1 }))
    .filter((p) => p.w > 0 && Number.isFinite(p.y));
  const n = points.length;
  if (n < 3) return null;
  const meanW = points.reduce((a, p) => a + p.w, 0) / n;
  const sw = n; // the weights scaled to a mean of 1 sum to n
  const w = (p: { w: number }) => p.w / meanW;
  const cx = points.reduce((a, p) => a + w(p) * p.x, 0) / sw;
  const cy = points.reduce((a, p) => a + w(p) * p.y, 0) / sw;
  const sxx = points.reduce((a, p) => a + w(p) * (p.x - cx) ** 2, 0);
  if (!(sxx > 0)) return null;
  const sxy = points.reduce((a, p) => a + w(p) * (p.x - cx) * (p.y - cy), 0);
  const slope = sxy / sxx;
  const intercept = cy - slope * cx;
  const ssr = points.reduce((a, p) => a + w(p) * (p.y - intercept - slope * p.x) ** 2, 0);
  const residualSd = Math.sqrt(ssr / (n - 2));
  return { slope, intercept, centre: cx, residualSd, slopeSe: residualSd / Math.sqrt(sxx), n };
}
