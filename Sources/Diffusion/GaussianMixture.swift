import Foundation

/// An isotropic Gaussian mixture on ℝᵈ,
///
///     p(x) = Σₖ wₖ N(x; μₖ, vₖ I),   wₖ ≥ 0,  Σₖ wₖ = 1,  vₖ > 0.
///
/// The data laws, the smoothed laws `U_t(q)` and the kernel density
/// estimates of THEORY.md §1 all have this form; a single Gaussian is the
/// one-component case. Components of weight zero are dropped on
/// construction, so `componentCount` counts the components that matter.
///
/// Means are stored row-major in `flatMeans` (component k occupies
/// `k·d ..< (k+1)·d`), so the score and sampling loops read one array.
public struct GaussianMixture: Sendable, Equatable {
  /// The dimension d ≥ 1.
  public let dimension: Int
  /// The weights wₖ, positive and summing to 1.
  public let weights: [Double]
  /// The component variances vₖ > 0 (each component has covariance vₖ I).
  public let variances: [Double]
  /// The component means μₖ, row-major, `componentCount · dimension` values.
  public let flatMeans: [Double]

  /// 1/vₖ, for the score.
  let precisions: [Double]
  /// log wₖ − (d/2) log(2π vₖ), the log normalizer of weighted component k.
  let logNormalizers: [Double]
  /// w₁, w₁ + w₂, ..., for choosing a component by inversion.
  let cumulativeWeights: [Double]

  /// A validated mixture.
  ///
  /// - Parameters:
  ///   - weights: wₖ ≥ 0, summing to 1 within 10⁻⁹ (then renormalized).
  ///   - means: one vector μₖ per component, all of the same length d ≥ 1.
  ///   - variances: vₖ > 0, finite.
  /// - Throws: `DiffusionInputError` for no components, mismatched counts
  ///   or dimensions, negative or non-finite weights, weights not summing
  ///   to 1, non-positive or non-finite variances, non-finite means.
  public init(weights: [Double], means: [[Double]], variances: [Double]) throws {
    try require(!weights.isEmpty, "a Gaussian mixture needs at least one component")
    try require(
      means.count == weights.count && variances.count == weights.count,
      "mixture has \(weights.count) weights, \(means.count) means and "
        + "\(variances.count) variances; the counts must agree")
    let d = means[0].count
    try require(d >= 1, "mixture means must have dimension at least 1")
    for (k, mean) in means.enumerated() {
      try require(
        mean.count == d,
        "dimension mismatch: component \(k) has a mean of length \(mean.count), "
          + "component 0 has length \(d)")
      try require(mean.allSatisfy(\.isFinite), "component \(k) has a non-finite mean")
    }
    for (k, w) in weights.enumerated() {
      try require(w.isFinite && w >= 0, "negative or non-finite weight \(w) at component \(k)")
    }
    let total = weights.reduce(0, +)
    try require(
      abs(total - 1) <= 1e-9, "mixture weights sum to \(total), not 1 (tolerance 1e-9)")
    for (k, v) in variances.enumerated() {
      try require(
        v.isFinite && v > 0, "variance \(v) of component \(k) is not positive and finite")
    }
    self.init(
      unchecked: d, weights: weights.map { $0 / total }, flatMeans: means.flatMap { $0 },
      variances: variances)
  }

  /// A mixture from already validated parts; drops zero-weight components
  /// and precomputes the derived arrays. Cost: O(k d).
  init(unchecked dimension: Int, weights: [Double], flatMeans: [Double], variances: [Double]) {
    var keptWeights: [Double] = [], keptMeans: [Double] = [], keptVariances: [Double] = []
    for k in weights.indices where weights[k] > 0 {
      keptWeights.append(weights[k])
      keptMeans.append(contentsOf: flatMeans[(k * dimension)..<((k + 1) * dimension)])
      keptVariances.append(variances[k])
    }
    self.dimension = dimension
    self.weights = keptWeights
    self.variances = keptVariances
    self.flatMeans = keptMeans
    precisions = keptVariances.map { 1 / $0 }
    let halfD = 0.5 * Double(dimension)
    logNormalizers = zip(keptWeights, keptVariances).map { w, v in
      log(w) - halfD * log(2 * Double.pi * v)
    }
    var running = 0.0
    cumulativeWeights = keptWeights.map { running += $0; return running }
  }

  /// N(mean, variance · I).
  /// - Throws: `DiffusionInputError` for an empty mean or variance ≤ 0.
  public static func gaussian(mean: [Double], variance: Double) throws -> GaussianMixture {
    try GaussianMixture(weights: [1], means: [mean], variances: [variance])
  }

  /// N(0, I) in dimension d ≥ 1, the stationary law of the forward process.
  public static func standardNormal(dimension: Int) -> GaussianMixture {
    precondition(dimension >= 1)
    return GaussianMixture(
      unchecked: dimension, weights: [1], flatMeans: Array(repeating: 0, count: dimension),
      variances: [1])
  }

  /// The number of components k (of positive weight).
  public var componentCount: Int { weights.count }

  /// The mean vector μₖ of component `k`.
  public func mean(ofComponent k: Int) -> [Double] {
    Array(flatMeans[(k * dimension)..<((k + 1) * dimension)])
  }

  /// All component means, one array each.
  public var means: [[Double]] { (0..<componentCount).map(mean(ofComponent:)) }

  /// The mixture mean E X = Σₖ wₖ μₖ. Cost: O(k d).
  public var mean: [Double] {
    var m = Array(repeating: 0.0, count: dimension)
    for k in 0..<componentCount {
      for i in 0..<dimension { m[i] += weights[k] * flatMeans[k * dimension + i] }
    }
    return m
  }

  /// E‖X‖² = Σₖ wₖ (‖μₖ‖² + d vₖ). Cost: O(k d).
  public var secondMoment: Double {
    var total = 0.0
    for k in 0..<componentCount {
      var norm2 = Double(dimension) * variances[k]
      for i in 0..<dimension {
        let m = flatMeans[k * dimension + i]
        norm2 += m * m
      }
      total += weights[k] * norm2
    }
    return total
  }

  /// The trace of the covariance, E‖X − E X‖² = E‖X‖² − ‖E X‖².
  public var covarianceTrace: Double {
    secondMoment - mean.reduce(0) { $0 + $1 * $1 }
  }

  /// The largest component variance maxₖ vₖ (it decides χ² finiteness, §7).
  public var largestVariance: Double { variances.max()! }
}
