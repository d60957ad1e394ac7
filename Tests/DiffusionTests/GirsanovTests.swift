import Diffusion
import GSL
import MonteCarlo
import Testing
import Foundation

@Suite struct GirsanovTests {
  /// A small one-dimensional case with a state-dependent error.
  private func sampler(_ error: ScoreError, steps: Int = 40) throws -> ReverseDiffusion {
    try ReverseDiffusion(
      data: try twoBumps(), scoreError: error, horizon: 2, stopTime: 0.05, steps: steps)
  }

  @Test func likelihoodRatioHasMeanOneAndMartingaleVarianceIsPathEnergy() throws {
    let diffusion = try sampler(.bounded(height: 1, errorScale: 0.5))
    let result = diffusion.simulate(paths: 4000, runner: BlockRunner(seed: 21, threads: 2))
    let totals = result.totals
    // Exact for the Euler–Maruyama chain: E e^Z = 1, Var M = E⟨M⟩.
    expectWithin(totals.meanLikelihoodRatio, of: 1, "E[e^Z]")
    expectWithin(
      totals.martingaleVariance - totals.pathEnergy, of: 0, "Var(M) − E⟨M⟩")
    // KL(P̂ ‖ P) two ways: E[Z e^Z] under P and ½ ε̂² under P̂.
    expectWithin(
      totals.pathDivergence - 0.5 * totals.learnedPathEnergy, of: 0, "E[Z e^Z] − ½ ε̂²")
  }

  @Test func simulatedPathEnergyApproachesTheQuadratureValue() throws {
    let diffusion = try sampler(.bounded(height: 1, errorScale: 0.5), steps: 80)
    let quadrature = try diffusion.pathEnergy().value
    let result = diffusion.simulate(
      paths: 4000, runner: BlockRunner(seed: 22, threads: 2), learnedPath: false)
    // The Riemann sum over left ends in reverse time is off by O(h) = 0.024
    // in relative terms at most; allow 3% of the value beyond 5 SE.
    expectWithin(
      result.totals.pathEnergy, of: quadrature, allowance: 0.03 * quadrature, "E⟨M⟩ vs ε²")
  }

  @Test func constantErrorPathEnergyIsExactOnTheGrid() throws {
    let error = ScoreError.constant(profile: .constant(0.8), direction: [1], errorScale: 0.5)
    let diffusion = try sampler(error)
    let result = diffusion.simulate(paths: 10, runner: BlockRunner(seed: 1, threads: 1))
    let exact = 0.25 * 0.64 * (2 - 0.05)
    expectClose(result.totals.pathEnergy.value, exact, tolerance: 1e-12, "Σ λ² b² h")
    expectClose(try diffusion.pathEnergy().value, exact, tolerance: 1e-12, "∫ λ² b² dt")
  }

  @Test func resultsAreBitwiseIdenticalForOneAndTwoThreads() throws {
    let diffusion = try sampler(.bounded(height: 1, errorScale: 0.5))
    let one = diffusion.simulate(
      paths: 700, runner: BlockRunner(seed: 4, threads: 1), blockSize: 64, recordPaths: true)
    let two = diffusion.simulate(
      paths: 700, runner: BlockRunner(seed: 4, threads: 2), blockSize: 64, recordPaths: true)
    #expect(one.totals == two.totals)
    #expect(one.records == two.records)
    #expect(one.records?.martingale.count == 700)
  }

  @Test func linearErrorEndpointMatchesTheExactEulerMaruyamaLaw() throws {
    let model = try GaussianLinearError(
      dataMean: 0.5, dataVariance: 0.4, slope: 0.8, offset: .constant(0.3), errorScale: 0.6,
      stopTime: 0.05, horizon: 2)
    let diffusion = try ReverseDiffusion(
      data: try .gaussian(mean: [0.5], variance: 0.4),
      scoreError: .linear(slope: 0.8, offset: .constant(0.3), direction: [1], errorScale: 0.6),
      horizon: 2, stopTime: 0.05, steps: 40)
    let result = diffusion.simulate(paths: 20_000, runner: BlockRunner(seed: 9, threads: 2))
    let exact = model.eulerMaruyamaEndpoint(steps: 40)
    expectWithin(result.learnedEndpointMoments[0].meanEstimate, of: exact.mean, "learned mean")
    expectWithin(
      result.learnedEndpointMoments[0].varianceEstimate, of: exact.variance, "learned variance")
  }

  @Test func pathEnergyOfADifferenceErrorAgreesAcrossDimensions() throws {
    // In 2-D with equal variances and means on the first axis, the score gap
    // lives on the first axis and equals the 1-D gap: Monte Carlo in 2-D must
    // reproduce the 1-D quadrature.
    let data1 = try GaussianMixture(weights: [0.5, 0.5], means: [[-1], [1]], variances: [0.3, 0.3])
    let other1 = try GaussianMixture(
      weights: [0.5, 0.5], means: [[-1.3], [1.2]], variances: [0.3, 0.3])
    let data2 = try GaussianMixture(
      weights: [0.5, 0.5], means: [[-1, 0], [1, 0]], variances: [0.3, 0.3])
    let other2 = try GaussianMixture(
      weights: [0.5, 0.5], means: [[-1.3, 0], [1.2, 0]], variances: [0.3, 0.3])
    let line = try ReverseDiffusion(
      data: data1, scoreError: .mixtureDifference(other: other1, errorScale: 1), horizon: 1.5,
      stopTime: 0.1, steps: 10)
    let plane = try ReverseDiffusion(
      data: data2, scoreError: .mixtureDifference(other: other2, errorScale: 1), horizon: 1.5,
      stopTime: 0.1, steps: 10)
    let quadrature = try line.pathEnergy().value
    let sampled = try plane.pathEnergy(samples: 40_000, runner: BlockRunner(seed: 2, threads: 2))
    expectWithin(sampled, of: quadrature, "ε² in 2-D by Monte Carlo")
  }

  @Test func standardNormalStartHasAnInitializationError() throws {
    let diffusion = try ReverseDiffusion(
      data: try .gaussian(mean: [1], variance: 0.5), scoreError: .zero, horizon: 1,
      stopTime: 0.05, steps: 10, start: .standardNormal)
    let law = try GaussianMixture.gaussian(mean: [1], variance: 0.5).smoothed(by: 1)
    let exact = try Divergence.klDivergence(
      mean: law.flatMeans[0], variance: law.variances[0], referenceMean: 0, referenceVariance: 1)
    expectClose(try diffusion.initializationError().value, exact, tolerance: 1e-14, "KL(U_T q ‖ N)")
  }

  @Test func girsanovIdentitiesHoldInTwoDimensions() throws {
    let data = try GaussianMixture(
      weights: [0.4, 0.6], means: [[-1, 0.5], [1, -0.5]], variances: [0.3, 0.6])
    let diffusion = try ReverseDiffusion(
      data: data, scoreError: .alongDirection(slope: 1, direction: [1, 1], errorScale: 0.4),
      horizon: 1.5, stopTime: 0.05, steps: 30)
    let totals = diffusion.simulate(paths: 3000, runner: BlockRunner(seed: 23, threads: 2)).totals
    expectWithin(totals.meanLikelihoodRatio, of: 1, "E[e^Z] in 2-D")
    expectWithin(totals.martingaleVariance - totals.pathEnergy, of: 0, "Var(M) − E⟨M⟩ in 2-D")
    // Closed-form ε² (Gaussian moments) against the grid sum, O(h) apart.
    let exact = try diffusion.pathEnergy().value
    expectWithin(totals.pathEnergy, of: exact, allowance: 0.05 * exact, "ε² in 2-D")
  }
}
