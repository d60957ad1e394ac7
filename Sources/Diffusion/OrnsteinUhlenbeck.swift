import Foundation
import GSL

/// The forward (noising) process dX = −½ X dt + dB on ℝᵈ (THEORY.md §1).
///
/// Its transitions are exact Gaussians:
///
///     X_t = e^{−(t−s)/2} X_s + √(1 − e^{−(t−s)}) Z,   Z ~ N(0, I),
///
/// so sampling needs no time discretization.
public struct OrnsteinUhlenbeck: Sendable, Equatable {
  /// e^{−Δ/2}, the factor on the current state.
  public let decay: Double
  /// √(1 − e^{−Δ}), the standard deviation of the added noise.
  public let noiseScale: Double

  /// The transition over an elapsed time Δ = t − s ≥ 0.
  public init(elapsed: Double) throws {
    try require(elapsed >= 0 && elapsed.isFinite, "elapsed time \(elapsed) must be ≥ 0")
    decay = exp(-0.5 * elapsed)
    noiseScale = (-expm1(-elapsed)).squareRoot()
  }

  /// Replaces `x` by a draw of X_t given X_s = x (d standard normals from
  /// `stream`). Cost: O(d), no allocation.
  @inline(__always)
  public func advance(_ x: UnsafeMutableBufferPointer<Double>, using stream: RandomStream) {
    advance(x.baseAddress!, dimension: x.count, using: stream)
  }

  @inline(__always)
  func advance(_ x: UnsafeMutablePointer<Double>, dimension d: Int, using stream: RandomStream) {
    for i in 0..<d { x[i] = decay * x[i] + noiseScale * stream.gaussian() }
  }

  /// The exact law of X_t when X_0 ~ `start`: `start.smoothed(by: t)`.
  public static func law(of start: GaussianMixture, at t: Double) -> GaussianMixture {
    start.smoothed(by: t)
  }
}
