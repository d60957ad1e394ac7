import Foundation

/// The mixture operations of the recursive-training loop (THEORY.md §1):
/// OU smoothing, refreshing with fresh data, kernel convolution and the
/// kernel density estimate of a sample. Each returns a new mixture.
extension GaussianMixture {
  /// `U_t(p)`, the law of the forward OU process at time t started from p:
  ///
  ///     Σₖ wₖ N(e^{−t/2} μₖ, (vₖ e^{−t} + 1 − e^{−t}) I).
  ///
  /// Exact; `U_s U_t = U_{s+t}` and `U_t N(0, I) = N(0, I)`.
  /// - Parameter t: time ≥ 0. Cost: O(k d).
  public func smoothed(by t: Double) -> GaussianMixture {
    precondition(t >= 0 && t.isFinite, "smoothing time must be finite and ≥ 0")
    let decay = exp(-t)
    let scale = exp(-0.5 * t)
    let spread = -expm1(-t)
    return GaussianMixture(
      unchecked: dimension, weights: weights, flatMeans: flatMeans.map { $0 * scale },
      variances: variances.map { $0 * decay + spread })
  }

  /// The refreshed law α·self + (1 − α)·other, with α the fresh-data
  /// fraction (`self` plays p_data, `other` the previous model).
  /// - Parameter freshFraction: α ∈ [0, 1]; components of weight zero are
  ///   dropped, so α = 1 returns `self`.
  /// - Throws: `DiffusionInputError` for α outside [0, 1] or a dimension
  ///   mismatch. Cost: O((k₁ + k₂) d).
  public func mixed(with other: GaussianMixture, freshFraction: Double) throws -> GaussianMixture {
    try require(
      freshFraction >= 0 && freshFraction <= 1,
      "fresh fraction α = \(freshFraction) must lie in [0, 1]")
    try require(
      other.dimension == dimension,
      "cannot mix dimension \(dimension) with dimension \(other.dimension)")
    return GaussianMixture(
      unchecked: dimension,
      weights: weights.map { freshFraction * $0 } + other.weights.map { (1 - freshFraction) * $0 },
      flatMeans: flatMeans + other.flatMeans, variances: variances + other.variances)
  }

  /// The law of X + h ξ with ξ ~ N(0, I): every variance grows by h².
  /// - Parameter bandwidth: h ≥ 0. Cost: O(k d).
  public func convolved(bandwidth h: Double) throws -> GaussianMixture {
    try require(h >= 0 && h.isFinite, "bandwidth \(h) must be finite and ≥ 0")
    return GaussianMixture(
      unchecked: dimension, weights: weights, flatMeans: flatMeans,
      variances: variances.map { $0 + h * h })
  }

  /// The Gaussian kernel density estimate of a sample: n equal-weight
  /// components N(xⱼ, h² I) at the points.
  /// - Parameters:
  ///   - points: n ≥ 1 points of a common dimension d ≥ 1.
  ///   - bandwidth: h > 0.
  /// - Throws: `DiffusionInputError` for no points, ragged points,
  ///   non-finite coordinates or h ≤ 0. Cost: O(n d).
  public static func kernelDensity(points: [[Double]], bandwidth h: Double) throws
    -> GaussianMixture
  {
    try require(h > 0 && h.isFinite, "kernel bandwidth \(h) must be positive and finite")
    try require(!points.isEmpty, "a kernel density estimate needs at least one point")
    let n = points.count
    return try GaussianMixture(
      weights: Array(repeating: 1 / Double(n), count: n), means: points,
      variances: Array(repeating: h * h, count: n))
  }
}
