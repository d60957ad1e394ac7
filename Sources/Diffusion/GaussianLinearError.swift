import Foundation
import GSL

/// The exact endpoint law for one-dimensional Gaussian data N(μ, σ²) with
/// a linear score error e(x, t) = λ (a x + b(t)), a constant (THEORY.md §3).
///
/// The learned drift ½ y + s(y, t) − e(y, t) is affine, A(t) y + B(t), with
///
///     A(t) = ½ − 1/v_t − λ a,   B(t) = μ_t/v_t − λ b(t),
///     μ_t = μ e^{−t/2},   v_t = σ² e^{−t} + 1 − e^{−t},
///
/// so Ŷ stays Gaussian. In reverse time its mean and variance solve
/// dm/dτ = A m + B, dP/dτ = 2 A P + 1, and with the propagator
/// G(t₀, t) = exp ∫_{t₀}^{t} A = Φ(t₀, t) e^{−λ a (t − t₀)} (Φ as in
/// `GaussianConstantError`, c = 1 − σ²):
///
///     m(t₀) = G(t₀, T) m_T + ∫_{t₀}^{T} G(t₀, t) B(t) dt,
///     P(t₀) = G(t₀, T)² P_T + ∫_{t₀}^{T} G(t₀, t)² dt,
///
/// two GSL `qag` integrals. `eulerMaruyamaEndpoint(steps:)` gives instead
/// the exact law of the discretized chain, for checking the simulation.
public struct GaussianLinearError: Sendable, Equatable {
  /// μ.
  public let dataMean: Double
  /// σ² > 0.
  public let dataVariance: Double
  /// a.
  public let slope: Double
  /// b(t).
  public let offset: TimeProfile
  /// λ.
  public let errorScale: Double
  /// t₀ ≥ 0.
  public let stopTime: Double
  /// T > t₀.
  public let horizon: Double
  /// Law of Ŷ_T: U_T(q) or N(0, 1).
  public let start: ReverseDiffusion.Start

  public init(
    dataMean: Double, dataVariance: Double, slope: Double, offset: TimeProfile,
    errorScale: Double, stopTime: Double, horizon: Double, start: ReverseDiffusion.Start = .exact
  ) throws {
    try require(dataVariance > 0 && dataVariance.isFinite, "data variance σ² must be positive")
    try require(dataMean.isFinite && slope.isFinite && errorScale.isFinite, "non-finite input")
    try require(stopTime >= 0 && horizon > stopTime && horizon.isFinite, "need 0 ≤ t₀ < T < ∞")
    try offset.validate()
    self.dataMean = dataMean
    self.dataVariance = dataVariance
    self.slope = slope
    self.offset = offset
    self.errorScale = errorScale
    self.stopTime = stopTime
    self.horizon = horizon
    self.start = start
  }

  /// A Gaussian law on the line.
  public struct Normal: Sendable, Equatable {
    public let mean: Double
    public let variance: Double
  }

  /// U_t(q) = N(μ e^{−t/2}, v_t).
  public func smoothedData(at t: Double) -> Normal {
    Normal(mean: dataMean * exp(-0.5 * t), variance: dataVariance * exp(-t) - expm1(-t))
  }

  /// The learned endpoint law Law(Ŷ_{t₀}) of the continuous SDE.
  public func learnedEndpoint() throws -> Normal {
    let initial = startLaw
    let g = propagator(from: horizon)
    let drift = try Quadrature.qag(
      { t in propagator(from: t) * offsetDrift(at: t) }, from: stopTime, to: horizon,
      absoluteTolerance: 1e-15, relativeTolerance: 1e-10)
    let noise = try Quadrature.qag(
      { t in let p = propagator(from: t); return p * p }, from: stopTime, to: horizon,
      absoluteTolerance: 1e-15, relativeTolerance: 1e-10)
    return Normal(
      mean: g * initial.mean + drift.value, variance: g * g * initial.variance + noise.value)
  }

  /// The exact law of the Euler–Maruyama learned chain with `steps` steps
  /// evaluated at t = T, T − h, ..., t₀ + h:
  /// m ← m + (A m + B) h, P ← (1 + A h)² P + h. Cost: O(steps).
  public func eulerMaruyamaEndpoint(steps: Int) -> Normal {
    precondition(steps >= 1)
    let h = (horizon - stopTime) / Double(steps)
    var m = startLaw.mean, p = startLaw.variance
    for j in 0..<steps {
      let t = horizon - Double(j) * h
      let a = linearDrift(at: t)
      m += (a * m + offsetDrift(at: t)) * h
      p = (1 + a * h) * (1 + a * h) * p + h
    }
    return Normal(mean: m, variance: p)
  }

  /// ε² = ∫ λ² E(a X_t + b(t))² dt with X_t ~ U_t(q) (GSL `qag`).
  public func pathEnergy() throws -> Double {
    try Quadrature.qag(
      { t in
        let law = smoothedData(at: t), b = offset.value(at: t)
        let secondMoment = law.mean * law.mean + law.variance
        return errorScale * errorScale
          * (slope * slope * secondMoment + 2 * slope * b * law.mean + b * b)
      }, from: stopTime, to: horizon, absoluteTolerance: 1e-15, relativeTolerance: 1e-10
    ).value
  }

  /// χ²(Law Ŷ_{t₀} ‖ U_{t₀} q), exact for the continuous SDE (∞ with the
  /// reason when the learned variance reaches twice v_{t₀}).
  public func chiSquare() throws -> DivergenceValue {
    let p = try learnedEndpoint(), q = smoothedData(at: stopTime)
    return try Divergence.chiSquare(
      mean: p.mean, variance: p.variance, referenceMean: q.mean, referenceVariance: q.variance)
  }

  /// KL(Law Ŷ_{t₀} ‖ U_{t₀} q), exact for the continuous SDE.
  public func klDivergence() throws -> Double {
    let p = try learnedEndpoint(), q = smoothedData(at: stopTime)
    return try Divergence.klDivergence(
      mean: p.mean, variance: p.variance, referenceMean: q.mean, referenceVariance: q.variance)
  }

  private var startLaw: Normal {
    start == .exact ? smoothedData(at: horizon) : Normal(mean: 0, variance: 1)
  }

  /// A(t) = ½ − 1/v_t − λ a.
  private func linearDrift(at t: Double) -> Double {
    0.5 - 1 / smoothedData(at: t).variance - errorScale * slope
  }

  /// B(t) = μ_t/v_t − λ b(t).
  private func offsetDrift(at t: Double) -> Double {
    let law = smoothedData(at: t)
    return law.mean / law.variance - errorScale * offset.value(at: t)
  }

  /// G(t₀, t) = e^{(t−t₀)/2} (e^{t₀} − c)/(e^{t} − c) · e^{−λ a (t − t₀)}.
  private func propagator(from t: Double) -> Double {
    let c = 1 - dataVariance
    return exp((0.5 - errorScale * slope) * (t - stopTime)) * (exp(stopTime) - c) / (exp(t) - c)
  }
}
