import type { Rng } from './random';

export interface DemoProduct {
  name: string;
  /** Typical deal size in yuan before account, team and rep multipliers. */
  medianYuan: number;
  weight: number;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { name: '云平台', medianYuan: 380_000, weight: 0.22 },
  { name: '数据中台', medianYuan: 560_000, weight: 0.13 },
  { name: '智能客服', medianYuan: 160_000, weight: 0.2 },
  { name: '安全网关', medianYuan: 120_000, weight: 0.18 },
  { name: '实施服务', medianYuan: 90_000, weight: 0.17 },
  { name: '运维托管', medianYuan: 70_000, weight: 0.1 },
];
export const PRODUCT_WEIGHTS = DEMO_PRODUCTS.map((p) => p.weight);

/**
 * 0 standard, 1 middle, 2 large, 3 lighthouse (灯塔项目: a flagship deal in the millions;
 * slower, harder, worth a mentor).
 */
export type SizeTier = 0 | 1 | 2 | 3;
export const LIGHTHOUSE: SizeTier = 3;
/** The deal-size pyramid: many standard deals, a middle band, few large, a handful of lighthouses. */
const TIER_WEIGHTS = [0.6, 0.3, 0.088, 0.012];
const TIER_FACTOR = [0.4, 1.1, 3];
const TIER_SIGMA = [0.45, 0.3, 0.3];

export const drawTier = (rng: Rng): SizeTier => rng.weighted(TIER_WEIGHTS) as SizeTier;

/** The deal's first amount in yuan (not yet rounded). */
export function drawAmountYuan(tier: SizeTier, product: DemoProduct, scale: number, rng: Rng): number {
  if (tier === LIGHTHOUSE) {
    // Log-uniform 2–15 million whatever the product: these are negotiated as programmes.
    return 2_000_000 * Math.exp(rng.next() * Math.log(7.5));
  }
  return Math.max(8_000, rng.logNormal(product.medianYuan * TIER_FACTOR[tier]! * scale, TIER_SIGMA[tier]!));
}

/**
 * Quotes are round numbers: to 100 yuan below 100k, 1,000 below a million, 10,000 above.
 * A few amounts keep their exact yuan (price-list sums), a rare one has cents.
 */
export function roundAmountCents(yuan: number, rng: Rng): number {
  const u = rng.next();
  if (u < 0.015) return Math.round(yuan) * 100 + 1 + rng.int(99);
  if (u < 0.055) return Math.round(yuan) * 100;
  const step = yuan < 100_000 ? 100 : yuan < 1_000_000 ? 1_000 : 10_000;
  return Math.max(step, Math.round(yuan / step) * step) * 100;
}
