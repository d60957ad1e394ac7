import Foundation
import GSL

/// Closed forms of THEORY.md §3 for Gaussian data N(0, σ²) in one
/// dimension (coordinate by coordinate in d) with a state-independent
/// score error e(x, t) = λ b(t) and an exact start:
///
///     v_t = σ² e^{−t} + 1 − e^{−t},
///     Φ(t₀, t) = e^{(t−t₀)/2} (e^{t₀} − c)/(e^{t} − c),   c = 1 − σ²,
///     m = ∫_{t₀}^{T} λ b(t) Φ(t₀, t) dt,   ε² = ε̂² = ∫ λ² b²,
///     η = m² / (v_{t₀} ε²),   χ² = exp(η ε²) − 1,   KL = η ε² / 2.
///
/// The learned endpoint is the ideal one shifted by −m, so χ² and KL
/// compare N(−m, v_{t₀}) with U_{t₀}(q) = N(0, v_{t₀}). These are the
/// continuous-time values; the Euler–Maruyama chain matches them up to
/// O(h).
public struct GaussianConstantError: Sendable, Equatable {
  /// σ² > 0.
  public let dataVariance: Double
  /// b(t).
  public let profile: TimeProfile
  /// λ.
  public let errorScale: Double
  /// t₀ ≥ 0.
  public let stopTime: Double
  /// T > t₀.
  public let horizon: Double

  /// - Throws: `DiffusionInputError` for σ² ≤ 0, a bad time interval or
  ///   non-finite parameters.
  public init(
    dataVariance: Double, profile: TimeProfile, errorScale: Double, stopTime: Double,
    horizon: Double
  ) throws {
    try require(dataVariance > 0 && dataVariance.isFinite, "data variance σ² must be positive")
    try require(errorScale.isFinite, "error scale λ must be finite")
    try require(stopTime >= 0 && horizon > stopTime && horizon.isFinite, "need 0 ≤ t₀ < T < ∞")
    try profile.validate()
    self.dataVariance = dataVariance
    self.profile = profile
    self.errorScale = errorScale
    self.stopTime = stopTime
    self.horizon = horizon
  }

  /// v_t, the variance of U_t(q).
  public func variance(at t: Double) -> Double { dataVariance * exp(-t) - expm1(-t) }

  /// Φ(t₀, t), the factor by which the ideal reverse dynamics carries a
  /// displacement at time t down to t₀.
  public func propagator(from t: Double) -> Double {
    let c = 1 - dataVariance
    return exp(0.5 * (t - stopTime)) * (exp(stopTime) - c) / (exp(t) - c)
  }

  /// m = ∫ λ b(t) Φ(t₀, t) dt (GSL `qag`, relative tolerance 10⁻¹⁰).
  public func endpointShift() throws -> Double {
    try Quadrature.qag(
      { t in errorScale * profile.value(at: t) * propagator(from: t) }, from: stopTime,
      to: horizon, absoluteTolerance: 1e-15, relativeTolerance: 1e-10
    ).value
  }

  /// ε² = ∫ λ² b(t)² dt (GSL `qag`).
  public func pathEnergy() throws -> Double {
    try Quadrature.qag(
      { t in let b = errorScale * profile.value(at: t); return b * b }, from: stopTime,
      to: horizon, absoluteTolerance: 1e-15, relativeTolerance: 1e-10
    ).value
  }

  /// All closed-form quantities at once.
  public func summary() throws -> Summary {
    let m = try endpointShift()
    let energy = try pathEnergy()
    let v = variance(at: stopTime)
    let eta = energy > 0 ? m * m / (v * energy) : 0
    return Summary(
      endpointShift: m, pathEnergy: energy, observability: eta,
      chiSquare: expm1(m * m / v), klDivergence: 0.5 * m * m / v)
  }

  /// The same quantities for the Euler–Maruyama chain with `steps` steps
  /// (scores at t_j = T − j h, j < steps), exactly. The chain is linear:
  /// step j's noise √h ξⱼ reaches the endpoint multiplied by
  /// Gⱼ = Π_{i>j} (1 + Aᵢ h), Aᵢ = ½ − 1/v_{tᵢ}, so with Y_T ~ U_T(q)
  ///
  ///     m = Σⱼ λ bⱼ h Gⱼ,   Var Y_{t₀} = G₋₁² v_T + Σⱼ Gⱼ² h,
  ///     ε² = Σⱼ λ² bⱼ² h,   Cov(M, Y_{t₀}) = −m,   η = m²/(Var Y_{t₀} ε²).
  ///
  /// The reference law here is the chain's ideal endpoint, not U_{t₀}(q).
  /// Cost: O(steps).
  public func eulerMaruyamaSummary(steps: Int) -> Summary {
    precondition(steps >= 1)
    let h = (horizon - stopTime) / Double(steps)
    var gain = 1.0, shift = 0.0, noise = 0.0, energy = 0.0
    for j in stride(from: steps - 1, through: 0, by: -1) {
      let t = horizon - Double(j) * h
      let b = errorScale * profile.value(at: t)
      shift += b * h * gain
      noise += gain * gain * h
      energy += b * b * h
      gain *= 1 + (0.5 - 1 / variance(at: t)) * h
    }
    let v = gain * gain * variance(at: horizon) + noise
    return Summary(
      endpointShift: shift, pathEnergy: energy,
      observability: energy > 0 ? shift * shift / (v * energy) : 0,
      chiSquare: expm1(shift * shift / v), klDivergence: 0.5 * shift * shift / v)
  }

  /// The numbers of the closed form.
  public struct Summary: Sendable, Equatable {
    /// m: the learned endpoint is N(−m, v_{t₀}).
    public let endpointShift: Double
    /// ε² = ε̂².
    public let pathEnergy: Double
    /// η = m²/(v_{t₀} ε²) (0 when ε² = 0).
    public let observability: Double
    /// χ²(p̂ ‖ U_{t₀} q) = exp(η ε²) − 1.
    public let chiSquare: Double
    /// KL(p̂ ‖ U_{t₀} q) = η ε²/2.
    public let klDivergence: Double
  }
}
