/**
 * The price / volume / mix bridge of an amount (net sales, gross profit) by product (issue 13 §1).
 * With per product j the quantity q, the amount S and the unit amount p = S/q (price, or unit margin
 * for gross profit), Q = Σ q, and s = q/Q the product's share of the quantity, base 0, now 1:
 *   volume = (Q₁ − Q₀) × P₀, with P₀ = Σ s₀ p₀ = S₀/Q₀ the base's average unit amount at the base mix;
 *   mix    = Σ (s₁ − s₀) × Q₁ × p₀ (= Σ q₁ p₀ − Q₁ P₀);
 *   price  = Σ (p₁ − p₀) × q₁.
 * They add up to S₁ − S₀ exactly. Products that are not in both periods:
 * - a new product (no base quantity) has no base price: it is taken at its own current price, so it has
 *   no price effect and its whole amount enters through mix (and volume, as part of Q₁);
 * - a lost product (no quantity now) leaves through volume and mix (its q₁ is 0, so no price effect).
 * Amounts without a quantity (rows with no quantity, or a product whose quantities net to 0: rebates,
 * credit notes) cannot be priced per unit; they are amount without volume, so they count as price.
 * Without any base quantity (Q₀ = 0) there is no base average price: volume is 0 and everything sold
 * now enters through mix.
 */
import type { PriceVolumeMix } from "../types";

/** One period's totals per product (the same product at the same index on both sides). */
export interface BridgeSide {
  /** Σ amount over all rows. */
  amount: ArrayLike<number>;
  /** Σ amount over the rows that have a quantity. */
  pricedAmount: ArrayLike<number>;
  /** Σ quantity over the rows that have an amount. */
  quantity: ArrayLike<number>;
}

export function priceVolumeMix(now: BridgeSide, base: BridgeSide, products: number): PriceVolumeMix {
  let q0 = 0;
  let q1 = 0;
  let priced0 = 0;
  let unpriced0 = 0;
  let unpriced1 = 0;
  for (let j = 0; j < products; j++) {
    q0 += base.quantity[j];
    q1 += now.quantity[j];
  }
  for (let j = 0; j < products; j++) {
    // A product's priced part needs a quantity that does not net to zero.
    const b = base.quantity[j] !== 0 ? base.pricedAmount[j] : 0;
    priced0 += b;
    unpriced0 += base.amount[j] - b;
    unpriced1 += now.amount[j] - (now.quantity[j] !== 0 ? now.pricedAmount[j] : 0);
  }
  if (q0 === 0) unpriced0 += priced0; // nothing to price the base by
  const p0 = q0 !== 0 ? priced0 / q0 : 0;
  let atBasePrice = 0; // Σ q₁ p₀
  let priceEffect = unpriced1 - unpriced0;
  for (let j = 0; j < products; j++) {
    const qNow = now.quantity[j];
    if (qNow === 0) continue;
    const qBase = base.quantity[j];
    const pNow = now.pricedAmount[j] / qNow;
    const pBase = qBase !== 0 && q0 !== 0 ? base.pricedAmount[j] / qBase : pNow; // a new product: its own price
    atBasePrice += qNow * pBase;
    priceEffect += (pNow - pBase) * qNow;
  }
  return { price: priceEffect, volume: (q1 - q0) * p0, mix: atBasePrice - q1 * p0 };
}
