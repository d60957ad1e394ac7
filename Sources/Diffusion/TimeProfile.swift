import Foundation

/// A scalar function of time b(t), the time dependence of a score error.
///
/// `oscillating` is the model of an error that averages out along a path:
/// its integral over a whole number of cycles of [0, T] vanishes, so its
/// observability η is small (THEORY.md §3).
public enum TimeProfile: Sendable, Equatable {
  /// b(t) = b.
  case constant(Double)
  /// b(t) = b sin(2π k t / T) with amplitude b, k cycles over the horizon T.
  case oscillating(amplitude: Double, cycles: Double, horizon: Double)

  /// b(t). Cost: one `sin` at most.
  @inline(__always)
  public func value(at t: Double) -> Double {
    switch self {
    case .constant(let b): return b
    case .oscillating(let b, let k, let horizon): return b * sin(2 * Double.pi * k * t / horizon)
    }
  }

  /// Checks that the parameters are finite and the horizon positive.
  func validate() throws {
    switch self {
    case .constant(let b):
      try require(b.isFinite, "constant error profile \(b) is not finite")
    case .oscillating(let b, let k, let horizon):
      try require(
        b.isFinite && k.isFinite && horizon > 0 && horizon.isFinite,
        "oscillating profile needs finite amplitude and cycles and a horizon > 0")
    }
  }
}
