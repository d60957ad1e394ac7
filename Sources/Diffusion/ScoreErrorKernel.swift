import Foundation

/// One block's evaluator of e(x, t): a compiled score error with its
/// time-dependent parts loaded for one time step by `prepare(time:)`.
///
/// Evaluation switches on a payload-free kind and reads raw buffers, so
/// the path loop makes no call through a witness table and no allocation.
/// Owns raw memory: call `deallocate()`. One per block.
struct ScoreErrorKernel {
  let kind: CompiledScoreError.Kind
  let dimension: Int
  let errorScale: Double
  /// λ a.
  let scaledSlope: Double
  /// λ β.
  let scaledHeight: Double
  let profile: TimeProfile
  let direction: UnsafeMutableBufferPointer<Double>
  /// ∇log U_t(other) for the difference kinds.
  let otherScore: SmoothedScore?
  private let scratch: UnsafeMutableBufferPointer<Double>
  /// λ b(t) at the prepared time.
  private(set) var offset = 0.0

  init(_ compiled: CompiledScoreError) {
    kind = compiled.kind
    dimension = compiled.dimension
    errorScale = compiled.errorScale
    scaledSlope = compiled.errorScale * compiled.slope
    scaledHeight = compiled.errorScale * compiled.height
    profile = compiled.profile
    direction = .allocate(capacity: compiled.dimension)
    _ = direction.initialize(from: compiled.direction)
    otherScore = compiled.other.map(SmoothedScore.init)
    scratch = .allocate(capacity: compiled.dimension)
    scratch.initialize(repeating: 0)
  }

  /// Loads b(t) and, for the difference kinds, the parameters of U_t(other).
  mutating func prepare(time t: Double) {
    offset = errorScale * profile.value(at: t)
    otherScore?.prepare(time: t)
  }

  /// e(x, t) into `out` for the prepared t. `trueScore` must hold
  /// ∇log U_t(q)(x) (only the difference kinds read it). Cost: O(d), or
  /// O(k d) for the difference kinds.
  @inline(__always)
  func evaluate(
    _ x: UnsafePointer<Double>, trueScore: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>
  ) {
    let d = dimension
    switch kind {
    case .zero:
      for i in 0..<d { out[i] = 0 }
    case .constant:
      for i in 0..<d { out[i] = offset * direction[i] }
    case .linear:
      for i in 0..<d { out[i] = scaledSlope * x[i] + offset * direction[i] }
    case .alongDirection:
      var projection = 0.0
      for i in 0..<d { projection += direction[i] * x[i] }
      let size = scaledSlope * projection
      for i in 0..<d { out[i] = size * direction[i] }
    case .bounded:
      for i in 0..<d { out[i] = scaledHeight * tanh(x[i]) }
    case .difference:
      otherScore.unsafelyUnwrapped.score(x, into: scratch.baseAddress!)
      for i in 0..<d { out[i] = errorScale * (trueScore[i] - scratch[i]) }
    }
  }

  /// e(x, t) for d = 1, as a number; `trueScore` as in `evaluate`.
  @inline(__always)
  func valueOnTheLine(_ x: Double, trueScore: Double) -> Double {
    switch kind {
    case .zero: return 0
    case .constant: return offset * direction[0]
    case .linear: return scaledSlope * x + offset * direction[0]
    case .alongDirection: return scaledSlope * x * direction[0] * direction[0]
    case .bounded: return scaledHeight * tanh(x)
    case .difference:
      return errorScale * (trueScore - otherScore.unsafelyUnwrapped.scoreOnTheLine(x))
    }
  }

  func deallocate() {
    direction.deallocate()
    scratch.deallocate()
    otherScore?.deallocate()
  }
}
