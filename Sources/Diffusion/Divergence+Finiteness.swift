/// The exact finiteness test for χ² between isotropic mixtures (§7).
extension Divergence {
  /// Why χ²(p ‖ q) is infinite, or nil when it is finite.
  ///
  /// p²/q behaves in the tails like exp(−‖x‖²/v + ‖x‖²/(2 V)) with v a
  /// component variance of p and V = maxₖ vₖ(q), so ∫ p²/q < ∞ exactly
  /// when every component of p has v < 2V (the means do not matter).
  /// Cost: O(k), no sampling.
  public static func chiSquareInfinityReason(
    _ p: GaussianMixture, reference q: GaussianMixture
  ) -> String? {
    let limit = 2 * q.largestVariance
    for (k, v) in p.variances.enumerated() where v >= limit {
      return "χ² = ∞: component \(k) of p has variance \(v), at least twice the largest "
        + "reference component variance \(q.largestVariance)"
    }
    return nil
  }

  /// Whether χ²(p ‖ q) is finite (see `chiSquareInfinityReason`).
  public static func chiSquareIsFinite(_ p: GaussianMixture, reference q: GaussianMixture) -> Bool {
    chiSquareInfinityReason(p, reference: q) == nil
  }
}
