import Diffusion
import DiffusionChecks
import Foundation
import GSL
import Harness
import MonteCarlo

/// Everything measured for one score error of a scenario: the reverse
/// paths with their Girsanov functionals, ε² by quadrature, the nested
/// endpoint estimates and the regression estimate of η.
struct ErrorRun {
  let spec: ScoreErrorSpec
  /// The error's position in its scenario, which selects its streams.
  let index: Int
  let sampler: ReverseDiffusion
  let paths: ReverseDiffusionResult
  /// ε² = ∫ E_{U_t q}‖e‖² dt by GSL quadrature (continuous time).
  let quadraturePathEnergy: Estimate
  /// ε²_h = Σ_k h E_{U_{t_k} q}‖e(·, t_k)‖² on the sampler's grid: what
  /// E⟨M⟩ is for paths with exact marginals. Nil when the inner
  /// expectation has no closed form or quadrature.
  let gridPathEnergy: Double?
  /// Nil with a reason when the start is not exact.
  let endpoint: EndpointEstimates?
  let regression: ObservabilityRegression.Result?
  let initializationError: Estimate?

  /// Runs every estimator; the error's index k keeps its streams apart.
  init(_ spec: ScoreErrorSpec, index k: Int, scenario: DiffusionScenario,
    context: CheckContext) throws
  {
    self.spec = spec
    index = k
    sampler = try scenario.sampler(spec)
    let scale = context.sampleScale
    let base = ErrorRun.streams(context, error: k, part: 0)
    paths = sampler.simulate(paths: scenario.paths * scale, runner: context.runner,
      streamBase: base, recordPaths: true)
    quadraturePathEnergy = try sampler.pathEnergy(runner: context.runner,
      streamBase: ErrorRun.streams(context, error: k, part: 1))
    regression = try? paths.regressionObservability(
      endpointLaw: scenario.data.smoothed(by: scenario.stopTime))
    gridPathEnergy = try ErrorRun.gridSum(sampler)
    if sampler.start == .exact {
      endpoint = try sampler.endpointEstimates(
        outerSamples: scenario.endpointSamples * scale, innerPaths: scenario.innerPaths,
        runner: context.runner, streamBase: ErrorRun.streams(context, error: k, part: 2))
      initializationError = nil
    } else {
      endpoint = nil
      initializationError = try sampler.initializationError(runner: context.runner,
        streamBase: ErrorRun.streams(context, error: k, part: 3))
    }
  }

  /// The first stream of part `part` (0…7) of error `error` (0…7): each
  /// stage of a check owns 2²⁰ streams, split into 8 errors × 8 parts of
  /// 2¹⁴ blocks, more than any estimator uses at the full profile.
  static func streams(_ context: CheckContext, error: Int, part: Int) -> UInt64 {
    precondition((0..<8).contains(error) && (0..<8).contains(part))
    return context.streamBase + UInt64(error) << 17 + UInt64(part) << 14
  }

  /// The Riemann sum ε²_h of the time integrand on the sampler's grid
  /// (the step from t to t − h evaluates e at t).
  static func gridSum(_ sampler: ReverseDiffusion) throws -> Double? {
    var total = 0.0
    for j in 0..<sampler.steps {
      guard let value = try sampler.meanSquaredScoreError(at: sampler.time(ofStep: j))
      else { return nil }
      total += value * sampler.stepSize
    }
    return total
  }

  /// E_P[e^M] from the recorded paths: the likelihood ratio without its
  /// compensator ½⟨M⟩, for the negative control.
  var uncompensatedMean: Estimate {
    var moments = Moments()
    for m in paths.records!.martingale { moments.add(exp(m)) }
    return moments.meanEstimate
  }

  /// Var_P(M) − E_P⟨M⟩ as one estimate: the mean over paths of
  /// (M − M̄)² − ⟨M⟩, whose standard error accounts for the correlation
  /// between the two terms.
  var isometryGap: Estimate {
    let records = paths.records!
    let mean = records.martingale.reduce(0, +) / Double(records.martingale.count)
    var moments = Moments()
    for (m, q) in zip(records.martingale, records.quadraticVariation) {
      moments.add((m - mean) * (m - mean) - q)
    }
    return moments.meanEstimate
  }

  /// The two independent estimates of η (nested Monte Carlo on its own
  /// paths, regression on the reverse paths) pooled by inverse variance,
  /// after `observability-two-estimators` has checked that they agree.
  /// Used where η's precision matters more than its route: the range and
  /// ablation claims.
  var pooledObservability: Estimate? {
    guard let nested = endpoint?.observability else { return nil }
    guard let regression = regression?.observability,
      nested.standardError > 0, regression.standardError > 0
    else { return nested }
    let w1 = 1 / (nested.standardError * nested.standardError)
    let w2 = 1 / (regression.standardError * regression.standardError)
    return Estimate(value: (w1 * nested.value + w2 * regression.value) / (w1 + w2),
      standardError: (1 / (w1 + w2)).squareRoot(),
      samples: nested.samples + regression.samples)
  }
}
