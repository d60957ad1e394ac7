/// The reverse-time sampler of THEORY.md §1 for data q: Euler–Maruyama
/// with `steps` equal steps h = (T − t₀)/steps from the horizon T down to
/// the stop time t₀,
///
///     Y_{t−h} = Y_t + [½ Y_t + s(Y_t, t)] h + √h ξ,
///
/// with s the exact score of U_t(q) on the ideal path and ŝ = s − e on the
/// learned path. Steps are evaluated at t = T, T − h, ..., t₀ + h.
///
/// Known shortcoming: Euler–Maruyama has weak order 1 here, so with an
/// exact start the ideal endpoint's law is U_{t₀}(q) only up to O(h). The
/// Girsanov identities E[e^Z] = 1, Var M = E⟨M⟩ and E[Z e^Z] = ½ ε̂² are
/// exact for the discrete chains; ε² from `pathEnergy` is the continuous
/// integral, which E⟨M⟩ matches only up to O(h).
public struct ReverseDiffusion: Sendable {
  /// Where the reverse paths start at time T.
  public enum Start: Sendable, Equatable {
    /// Y_T ~ U_T(q): the ideal path then has the law of the forward path.
    case exact
    /// Y_T ~ N(0, I): adds the initialization error KL(U_T q ‖ N(0, I)).
    case standardNormal
  }

  /// The data law q (for recursive training, q_i).
  public let data: GaussianMixture
  /// The score error e.
  public let scoreError: ScoreError
  /// The horizon T.
  public let horizon: Double
  /// The stop time t₀.
  public let stopTime: Double
  /// The number of Euler–Maruyama steps.
  public let steps: Int
  /// The law of Y_T.
  public let start: Start
  /// The validated error, read by the path loops.
  let compiledError: CompiledScoreError

  /// - Parameters:
  ///   - horizon: T > t₀, finite.
  ///   - stopTime: t₀ ≥ 0.
  ///   - steps: ≥ 1.
  /// - Throws: `DiffusionInputError` for a bad time grid or a score error
  ///   that does not fit the data.
  public init(
    data: GaussianMixture, scoreError: ScoreError, horizon: Double, stopTime: Double,
    steps: Int, start: Start = .exact
  ) throws {
    try require(
      stopTime >= 0 && stopTime.isFinite, "stop time t₀ = \(stopTime) must be finite and ≥ 0")
    try require(
      horizon > stopTime && horizon.isFinite,
      "horizon T = \(horizon) must be finite and larger than t₀ = \(stopTime)")
    try require(steps >= 1, "the number of steps must be at least 1, got \(steps)")
    compiledError = try CompiledScoreError(scoreError, dimension: data.dimension)
    self.data = data
    self.scoreError = scoreError
    self.horizon = horizon
    self.stopTime = stopTime
    self.steps = steps
    self.start = start
  }

  /// h = (T − t₀)/steps.
  public var stepSize: Double { (horizon - stopTime) / Double(steps) }

  /// The time T − j h at which step j (0-based) evaluates the scores.
  @inline(__always)
  public func time(ofStep j: Int) -> Double { horizon - Double(j) * stepSize }

  /// The same sampler with another score error (for sweeps over λ).
  public func with(scoreError: ScoreError) throws -> ReverseDiffusion {
    try ReverseDiffusion(
      data: data, scoreError: scoreError, horizon: horizon, stopTime: stopTime, steps: steps,
      start: start)
  }
}
