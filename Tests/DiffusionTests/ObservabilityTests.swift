import Diffusion
import GSL
import MonteCarlo
import Testing
import Foundation

@Suite struct ObservabilityTests {
  private let sigma2 = 0.25, lambda = 0.4, stop = 0.05, horizon = 2.0

  private func closedForm(_ profile: TimeProfile) throws -> GaussianConstantError.Summary {
    try GaussianConstantError(
      dataVariance: sigma2, profile: profile, errorScale: lambda, stopTime: stop,
      horizon: horizon
    ).summary()
  }

  private func sampler(_ profile: TimeProfile, steps: Int) throws -> ReverseDiffusion {
    try ReverseDiffusion(
      data: try .gaussian(mean: [0], variance: sigma2),
      scoreError: .constant(profile: profile, direction: [1], errorScale: lambda),
      horizon: horizon, stopTime: stop, steps: steps)
  }

  @Test func nestedEstimatorRecoversTheConstantErrorObservability() throws {
    let exact = try closedForm(.constant(1))
    let nested = try sampler(.constant(1), steps: 60).endpointEstimates(
      outerSamples: 600, innerPaths: 8, runner: BlockRunner(seed: 31, threads: 2))
    // Inner paths are exact, M is a sum on a grid of h ≈ 0.03: allow an
    // O(h) bias of 0.03 beyond 5 standard errors (the discrete η at 60
    // steps is 0.671 against 0.678).
    expectWithin(nested.observability, of: exact.observability, allowance: 0.03, "η nested")
    expectWithin(nested.chiSquare, of: exact.chiSquare, allowance: 0.03 * exact.chiSquare, "χ²")
    expectWithin(nested.meanLikelihoodRatio, of: 1, allowance: 0.01, "E r̂")
    // KL = η ε²/2 = 0.106; the estimator is biased upward by O(1/innerPaths).
    expectWithin(nested.klDivergence, of: exact.klDivergence, allowance: 0.05, "KL")
  }

  @Test func regressionRecoversTheConstantErrorObservability() throws {
    let model = try GaussianConstantError(
      dataVariance: sigma2, profile: .constant(1), errorScale: lambda, stopTime: stop,
      horizon: horizon)
    // The regression sees the Euler–Maruyama chain, whose η has its own
    // exact closed form (0.6705 at 60 steps; 0.678 in continuous time).
    let exact = model.eulerMaruyamaSummary(steps: 60)
    let result = try sampler(.constant(1), steps: 60).simulate(
      paths: 8000, runner: BlockRunner(seed: 32, threads: 2), recordPaths: true,
      learnedPath: false)
    let regression = try result.regressionObservability()
    expectWithin(regression.observability, of: exact.observability, "η regression")
  }

  @Test func oscillatingErrorIsNearlyUnobservable() throws {
    let exact = try closedForm(.oscillating(amplitude: 1, cycles: 4, horizon: horizon))
    // The constant profile has η = 0.678; four cycles average out to 0.012.
    #expect(exact.observability < 0.05)
  }

  @Test func stateDependentErrorOnAMixtureIsObservable() throws {
    // Regression (biased low) and the nested estimator must agree that a
    // state-coupled error leaves a trace, and that η stays in [0, 1].
    let diffusion = try ReverseDiffusion(
      data: try twoBumps(), scoreError: .bounded(height: 1, errorScale: 0.5), horizon: 2,
      stopTime: 0.05, steps: 30)
    let nested = try diffusion.endpointEstimates(
      outerSamples: 300, innerPaths: 8, runner: BlockRunner(seed: 33, threads: 2))
    let regression = try diffusion.simulate(
      paths: 6000, runner: BlockRunner(seed: 34, threads: 2), recordPaths: true,
      learnedPath: false
    ).regressionObservability()
    #expect(nested.observability.value > 5 * nested.observability.standardError)
    #expect(regression.observability.value <= 1)
    expectWithin(
      nested.observability - regression.observability, of: 0, allowance: 0.05,
      "nested η − regression η")
  }
}
