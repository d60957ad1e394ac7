import Foundation
import MonteCarlo

/// χ² and Kullback–Leibler divergences between Gaussians and Gaussian
/// mixtures, with χ²(p ‖ q) = E_q[(p/q − 1)²] and KL(p ‖ q) = E_p[log p/q].
/// The first argument is always p, the second the reference q.
public enum Divergence {
  /// χ²(N(μ₁, v₁) ‖ N(μ₂, v₂)) in one dimension, in closed form (§7):
  ///
  ///     v₂ / √(v₁ (2v₂ − v₁)) · exp((μ₁ − μ₂)² / (2v₂ − v₁)) − 1,
  ///
  /// finite exactly when 2v₂ > v₁. Computed as `expm1` of the logarithm,
  /// so small values keep their relative accuracy.
  /// - Throws: `DiffusionInputError` unless v₁, v₂ > 0 and all is finite.
  public static func chiSquare(
    mean m1: Double, variance v1: Double, referenceMean m2: Double, referenceVariance v2: Double
  ) throws -> DivergenceValue {
    try chiSquare(mean: [m1], variance: v1, referenceMean: [m2], referenceVariance: v2)
  }

  /// χ²(N(μ₁, v₁ I) ‖ N(μ₂, v₂ I)) in d dimensions: the coordinates are
  /// independent, so 1 + χ² is the product of the one-dimensional factors,
  ///
  ///     (v₂ / √(v₁ (2v₂ − v₁)))^d · exp(‖μ₁ − μ₂‖² / (2v₂ − v₁)).
  public static func chiSquare(
    mean m1: [Double], variance v1: Double, referenceMean m2: [Double],
    referenceVariance v2: Double
  ) throws -> DivergenceValue {
    let distance2 = try checkedDistance2(m1, v1, m2, v2)
    guard 2 * v2 > v1 else {
      return .infinite(
        reason: "χ² = ∞: variance \(v1) is at least twice the reference variance \(v2)")
    }
    let d = Double(m1.count)
    let logRatio = d * (log(v2) - 0.5 * log(v1) - 0.5 * log(2 * v2 - v1))
      + distance2 / (2 * v2 - v1)
    return .finite(.exact(expm1(logRatio)))
  }

  /// KL(N(μ₁, v₁) ‖ N(μ₂, v₂)) = ½ [v₁/v₂ + (μ₁ − μ₂)²/v₂ − 1 + log(v₂/v₁)].
  public static func klDivergence(
    mean m1: Double, variance v1: Double, referenceMean m2: Double, referenceVariance v2: Double
  ) throws -> Double {
    try klDivergence(mean: [m1], variance: v1, referenceMean: [m2], referenceVariance: v2)
  }

  /// KL(N(μ₁, v₁ I) ‖ N(μ₂, v₂ I)) = ½ [d v₁/v₂ + ‖μ₁ − μ₂‖²/v₂ − d + d log(v₂/v₁)];
  /// always finite.
  public static func klDivergence(
    mean m1: [Double], variance v1: Double, referenceMean m2: [Double],
    referenceVariance v2: Double
  ) throws -> Double {
    let distance2 = try checkedDistance2(m1, v1, m2, v2)
    let d = Double(m1.count)
    let ratio = v1 / v2
    return 0.5 * (d * (ratio - 1 - log(ratio)) + distance2 / v2)
  }

  private static func checkedDistance2(
    _ m1: [Double], _ v1: Double, _ m2: [Double], _ v2: Double
  ) throws -> Double {
    try require(
      !m1.isEmpty && m1.count == m2.count, "Gaussian means must have one common dimension ≥ 1")
    try require(
      v1 > 0 && v2 > 0 && v1.isFinite && v2.isFinite, "Gaussian variances must be positive")
    try require(m1.allSatisfy(\.isFinite) && m2.allSatisfy(\.isFinite), "means must be finite")
    return zip(m1, m2).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
  }
}
