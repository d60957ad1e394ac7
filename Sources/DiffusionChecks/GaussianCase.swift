import Diffusion
import Foundation
import GSL
import Harness
import MonteCarlo

/// A one-dimensional Gaussian scenario whose endpoint law is known in
/// closed form (THEORY.md §3): data N(μ, σ²) and an error λ (a x + b(t))
/// with constant a (a = 0: state-independent). Everything stays Gaussian.
public struct GaussianCase {
  public let mean: Double
  public let variance: Double
  public let slope: Double
  public let profile: TimeProfile
  public let scenario: DiffusionScenario

  /// The closed-form case of a scenario's error, or nil if there is none.
  public init?(_ scenario: DiffusionScenario, _ spec: ScoreErrorSpec) {
    let data = scenario.data
    guard data.dimension == 1, data.componentCount == 1 else { return nil }
    switch spec.model {
    case .constant(let profile, let u, _):
      (slope, self.profile) = (0, u[0] > 0 ? profile : TimeProfile.negated(profile))
    case .linear(let a, .constant(let b), let u, _):
      (slope, profile) = (a, .constant(u[0] > 0 ? b : -b))
    default: return nil
    }
    mean = data.mean[0]
    variance = data.variances[0]
    self.scenario = scenario
  }

  /// The exact linear model at scale λ.
  public func linear(scale: Double) throws -> GaussianLinearError {
    try GaussianLinearError(
      dataMean: mean, dataVariance: variance, slope: slope, offset: profile,
      errorScale: scale, stopTime: scenario.stopTime, horizon: scenario.horizon,
      start: scenario.start)
  }

  /// U_{t₀}(q) = N(μ e^{−t₀/2}, v_{t₀}).
  public var idealEndpoint: GaussianLinearError.Normal {
    (try! linear(scale: 0)).smoothedData(at: scenario.stopTime)
  }

  /// η exactly: for a state-independent error the closed form
  /// m²/(v_{t₀} ε²) (`GaussianConstantError`); otherwise the small-λ limit
  /// of χ²/ε², by Richardson extrapolation of χ²/ε² at λ = 10⁻³ and 2·10⁻³
  /// (error O(λ²) ≈ 10⁻⁶; η itself does not depend on λ, since under the
  /// ideal path law M is linear in λ).
  public func exactObservability() throws -> Double {
    if slope == 0 {
      return try GaussianConstantError(dataVariance: variance, profile: profile,
        errorScale: 1, stopTime: scenario.stopTime, horizon: scenario.horizon)
        .summary().observability
    }
    func ratio(_ scale: Double) throws -> Double {
      let model = try linear(scale: scale)
      return try model.chiSquare().value / (try model.pathEnergy())
    }
    return 2 * (try ratio(1e-3)) - (try ratio(2e-3))
  }

  /// r(y) = p̂(y)/U_{t₀}q(y) for the continuous SDE at scale λ.
  public func exactRatio(at y: Double, scale: Double) throws -> Double {
    let p = try linear(scale: scale).learnedEndpoint(), q = idealEndpoint
    func logDensity(_ n: GaussianLinearError.Normal) -> Double {
      -0.5 * log(2 * Double.pi * n.variance) - 0.5 * (y - n.mean) * (y - n.mean) / n.variance
    }
    return exp(logDensity(p) - logDensity(q))
  }
}

extension GaussianCase {
  /// ε̂² = ∫ λ² E(a Ŷ_t + b)² dt along the learned process, whose law at
  /// time t is Gaussian: the learned endpoint of the same model stopped at
  /// t. GSL `qag` over t, each value from the model's own two quadratures.
  public func learnedPathEnergy(scale: Double) throws -> Double {
    let gaussian = self, s = scenario
    return try Quadrature.qag({ t -> Double in
      guard let law = try? GaussianLinearError(
        dataMean: gaussian.mean, dataVariance: gaussian.variance, slope: gaussian.slope,
        offset: gaussian.profile, errorScale: scale, stopTime: t, horizon: s.horizon,
        start: s.start).learnedEndpoint()
      else { return .nan }
      let b = gaussian.profile.value(at: t), a = gaussian.slope
      let second = law.mean * law.mean + law.variance
      return scale * scale * (a * a * second + 2 * a * b * law.mean + b * b)
    }, from: s.stopTime, to: s.horizon, absoluteTolerance: 1e-14,
      relativeTolerance: 1e-9, rule: .gaussKronrod21).value
  }
}

extension TimeProfile {
  /// −b(t).
  public static func negated(_ profile: TimeProfile) -> TimeProfile {
    switch profile {
    case .constant(let b): return .constant(-b)
    case .oscillating(let b, let k, let horizon):
      return .oscillating(amplitude: -b, cycles: k, horizon: horizon)
    }
  }
}
