/// Running central moments of a sample, up to the fourth, mergeable across
/// blocks.
///
/// Updates and merges use the pairwise formulas of Chan, Golub and LeVeque
/// (1979) extended to third and fourth moments by Pébay (2008), so a merge
/// of two blocks equals, up to rounding, one pass over their union. Merging
/// in a fixed order gives bitwise-reproducible results.
///
/// The fourth moment is what the standard error of a sample variance needs:
/// Var(s²) = μ₄/N − σ⁴ (N − 3)/(N (N − 1)).
public struct Moments: Equatable, Sendable {
  /// Number of observations N.
  public private(set) var count: Double = 0
  /// Sample mean.
  public private(set) var mean: Double = 0
  /// Σ (x − x̄)², Σ (x − x̄)³, Σ (x − x̄)⁴.
  public private(set) var m2: Double = 0
  public private(set) var m3: Double = 0
  public private(set) var m4: Double = 0

  public init() {}

  /// Adds one observation. Cost: O(1), no allocation.
  @inline(__always)
  public mutating func add(_ x: Double) {
    let n1 = count
    count += 1
    let n = count
    let delta = x - mean
    let deltaN = delta / n
    let deltaN2 = deltaN * deltaN
    let term1 = delta * deltaN * n1
    mean += deltaN
    m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2
      - 4 * deltaN * m3
    m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2
    m2 += term1
  }

  /// Merges another block's moments into these.
  public mutating func merge(_ other: Moments) {
    guard other.count > 0 else { return }
    guard count > 0 else { self = other; return }
    let na = count, nb = other.count, n = na + nb
    let delta = other.mean - mean
    let d2 = delta * delta, d3 = d2 * delta, d4 = d2 * d2
    let newM4 = m4 + other.m4
      + d4 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
      + 6 * d2 * (na * na * other.m2 + nb * nb * m2) / (n * n)
      + 4 * delta * (na * other.m3 - nb * m3) / n
    let newM3 = m3 + other.m3
      + d3 * na * nb * (na - nb) / (n * n)
      + 3 * delta * (na * other.m2 - nb * m2) / n
    m2 += other.m2 + d2 * na * nb / n
    m3 = newM3
    m4 = newM4
    mean += delta * nb / n
    count = n
  }

  /// The unbiased sample variance s² = Σ (x − x̄)²/(N − 1).
  public var variance: Double { count > 1 ? m2 / (count - 1) : .nan }

  /// The sample mean with its standard error s/√N.
  public var meanEstimate: Estimate {
    Estimate(value: mean, standardError: (variance / count).squareRoot(),
      samples: count)
  }

  /// The sample variance s² with its standard error from the estimated
  /// fourth central moment (valid for any distribution with μ₄ < ∞).
  public var varianceEstimate: Estimate {
    let s2 = variance
    let mu4 = m4 / count
    let n = count
    let varianceOfS2 = max(0, mu4 / n - s2 * s2 * (n - 3) / (n * (n - 1)))
    return Estimate(value: s2, standardError: varianceOfS2.squareRoot(),
      samples: n)
  }

  /// Sample excess kurtosis, N m₄ / m₂² − 3.
  public var excessKurtosis: Double { count * m4 / (m2 * m2) - 3 }
}
