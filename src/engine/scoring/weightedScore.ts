/**
 * Σ weight × score / Σ weight over the KPIs that have a score (product.md §5). A KPI without a score is left
 * out of both sums, never counted as zero. No scored KPI, or only zero weights among them → null.
 */
export function weightedScore(items: Array<{ weight: number; score: number | null }>): number | null {
  let weightedSum = 0;
  let weightSum = 0;
  for (let i = 0; i < items.length; i++) {
    const { weight, score } = items[i];
    if (score === null || Number.isNaN(score)) continue;
    weightedSum += weight * score;
    weightSum += weight;
  }
  return weightSum > 0 ? weightedSum / weightSum : null;
}
