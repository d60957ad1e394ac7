/// A model of the score error e(x, t), the gap between the true score of
/// `U_t(q)` and the learned one: the learned reverse process uses
/// ŝ = s − e (THEORY.md §1). λ = `errorScale` multiplies every kind, so a
/// sweep over λ moves the path energy ε² as λ².
///
/// An enum rather than a protocol: the path loops switch over a compiled
/// copy (`CompiledScoreError`) with no dynamic dispatch or allocation.
public enum ScoreError: Sendable, Equatable {
  /// e = 0: the exact score.
  case zero
  /// e(x, t) = λ b(t) u: state-independent. `direction` u has length d
  /// (use [1] in one dimension).
  case constant(profile: TimeProfile, direction: [Double], errorScale: Double)
  /// e(x, t) = λ (a x + b(t) u) with a scalar slope a.
  case linear(slope: Double, offset: TimeProfile, direction: [Double], errorScale: Double)
  /// e(x, t) = λ a (u·x) u along the unit vector u (normalized on use).
  case alongDirection(slope: Double, direction: [Double], errorScale: Double)
  /// e(x, t) = λ β tanh(x), componentwise: bounded by λβ.
  case bounded(height: Double, errorScale: Double)
  /// e(x, t) = λ (∇log U_t(q) − ∇log U_t(other)): the score of the wrong
  /// mixture, both smoothed to time t.
  case mixtureDifference(other: GaussianMixture, errorScale: Double)
  /// e(x, t) = λ (∇log U_t(q) − ∇log U_t(q̂ₙ)) with q̂ₙ the kernel density
  /// estimate of `points` with bandwidth h (THEORY.md §7).
  case kernelDensityDifference(points: [[Double]], bandwidth: Double, errorScale: Double)

  /// λ, the scale of the error.
  public var errorScale: Double {
    switch self {
    case .zero: return 0
    case .constant(_, _, let s), .linear(_, _, _, let s), .alongDirection(_, _, let s),
      .bounded(_, let s), .mixtureDifference(_, let s), .kernelDensityDifference(_, _, let s):
      return s
    }
  }

  /// The same error with scale λ replaced by `scale`.
  public func withErrorScale(_ scale: Double) -> ScoreError {
    switch self {
    case .zero: return .zero
    case .constant(let b, let u, _): return .constant(profile: b, direction: u, errorScale: scale)
    case .linear(let a, let b, let u, _):
      return .linear(slope: a, offset: b, direction: u, errorScale: scale)
    case .alongDirection(let a, let u, _):
      return .alongDirection(slope: a, direction: u, errorScale: scale)
    case .bounded(let beta, _): return .bounded(height: beta, errorScale: scale)
    case .mixtureDifference(let other, _):
      return .mixtureDifference(other: other, errorScale: scale)
    case .kernelDensityDifference(let points, let h, _):
      return .kernelDensityDifference(points: points, bandwidth: h, errorScale: scale)
    }
  }

  /// Whether e depends on x (every kind but `zero` and `constant`).
  public var dependsOnState: Bool {
    switch self {
    case .zero, .constant: return false
    default: return true
    }
  }
}
