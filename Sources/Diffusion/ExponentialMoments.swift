import Foundation
import MonteCarlo

/// Running sums for E[e^Z] and E[Z e^Z] of a sample of Z, kept in log
/// space so that no sum overflows, and mergeable across blocks.
///
/// All sums are taken relative to the running maximum `shift` s of Z:
/// S₁ = Σ e^{Z−s}, S₂ = Σ e^{2(Z−s)}, T₁ = Σ Z e^{Z−s}, T₂ = Σ Z² e^{2(Z−s)}.
/// When s grows the sums are rescaled, as in a streaming log-sum-exp.
/// Every term is at most 1 in size (times Z), so nothing is inf or NaN
/// for finite Z; only the final `exp(s)` of a reported mean can overflow,
/// and `logMeanExp` is always finite.
public struct ExponentialMoments: Equatable, Sendable {
  /// The number of observations.
  public private(set) var count: Double = 0
  /// The largest Z seen (−∞ before the first).
  public private(set) var shift = -Double.infinity
  private var sumExp = 0.0, sumExp2 = 0.0, sumZExp = 0.0, sumZExp2 = 0.0

  public init() {}

  /// Adds one observation Z (finite). Cost: O(1), at most two `exp`.
  @inline(__always)
  public mutating func add(_ z: Double) {
    if z > shift { rescale(to: z) }
    let w = exp(z - shift)
    count += 1
    sumExp += w
    sumExp2 += w * w
    sumZExp += z * w
    sumZExp2 += z * z * w * w
  }

  /// Merges another block's sums into these (bitwise reproducible when
  /// blocks are merged in a fixed order).
  public mutating func merge(_ other: ExponentialMoments) {
    guard other.count > 0 else { return }
    var other = other
    let top = max(shift, other.shift)
    rescale(to: top)
    other.rescale(to: top)
    count += other.count
    sumExp += other.sumExp
    sumExp2 += other.sumExp2
    sumZExp += other.sumZExp
    sumZExp2 += other.sumZExp2
  }

  private mutating func rescale(to newShift: Double) {
    guard newShift > shift else { return }
    let f = count > 0 ? exp(shift - newShift) : 0
    sumExp *= f
    sumExp2 *= f * f
    sumZExp *= f
    sumZExp2 *= f * f
    shift = newShift
  }

  /// log of the sample mean of e^Z; finite whenever count > 0.
  public var logMeanExp: Double { shift + log(sumExp / count) }

  /// The sample mean of e^Z with its standard error.
  public var meanExp: Estimate { estimate(sumExp, sumExp2) }

  /// The sample mean of Z e^Z with its standard error.
  public var meanZExp: Estimate { estimate(sumZExp, sumZExp2) }

  private func estimate(_ first: Double, _ second: Double) -> Estimate {
    let n = count
    let mean = first / n
    let spread = max(0, second / n - mean * mean) / max(n - 1, 1)
    let scale = exp(shift)
    return Estimate(
      value: scale * mean, standardError: scale * spread.squareRoot(), samples: n)
  }
}
