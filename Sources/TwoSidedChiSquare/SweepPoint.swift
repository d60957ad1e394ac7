import Diffusion
import DiffusionChecks
import Foundation
import GSL
import Harness
import MonteCarlo

/// Everything measured at one error scale λ of a sweep.
struct SweepPoint {
  let scale: Double
  /// ε² by quadrature (continuous time).
  let pathEnergy: Double
  /// ε̂²: exact (Gaussian cases, nested quadrature) or a path average.
  let learnedPathEnergy: Estimate
  /// χ²(p̂ ‖ Law Y_{t₀}): exact, with ∞ and its reason, or nested Monte Carlo.
  let chiSquare: DivergenceValue
  let kl: Estimate
  /// η: exact (it does not depend on λ) or nested at this λ.
  let observability: Estimate
  /// E e^{(1+δ)Z} for δ in `deltas`, and E⟨M⟩²/ε⁴ (the moment conditions
  /// A3–A4), from a small path simulation.
  let exponentialMoments: [Estimate]
  let quadraticMoment: Estimate

  static let deltas = [1.5, 2.0, 3.0]

  /// ε² as the sweep's abscissa.
  var energy: Double { pathEnergy }
}

extension SweepPoint {
  /// A point of a one-dimensional Gaussian case, from closed forms.
  static func exact(_ gaussian: GaussianCase, scale: Double, eta: Double,
    moments: ([Estimate], Estimate)) throws -> SweepPoint
  {
    let model = try gaussian.linear(scale: scale)
    return SweepPoint(
      scale: scale, pathEnergy: try model.pathEnergy(),
      learnedPathEnergy: .exact(try gaussian.learnedPathEnergy(scale: scale)),
      chiSquare: try model.chiSquare(), kl: .exact(try model.klDivergence()),
      observability: .exact(eta), exponentialMoments: moments.0,
      quadraticMoment: moments.1)
  }

  /// A point of any scenario, by the nested time-reversal estimators.
  static func nested(_ sampler: ReverseDiffusion, scenario: DiffusionScenario,
    scale: Double, context: CheckContext, streams: UInt64,
    moments: ([Estimate], Estimate), learnedEnergy: Estimate) throws -> SweepPoint
  {
    let endpoint = try sampler.endpointEstimates(
      outerSamples: scenario.endpointSamples * context.sampleScale,
      innerPaths: scenario.innerPaths, runner: context.runner, streamBase: streams)
    return SweepPoint(
      scale: scale, pathEnergy: try sampler.pathEnergy().value,
      learnedPathEnergy: learnedEnergy, chiSquare: .finite(endpoint.chiSquare),
      kl: endpoint.klDivergence, observability: endpoint.observability,
      exponentialMoments: moments.0, quadraticMoment: moments.1)
  }

  /// The moment conditions from simulated paths: E e^{(1+δ)Z} (through
  /// log space) and E⟨M⟩²/ε⁴, plus the learned path energy.
  static func moments(_ result: ReverseDiffusionResult)
    -> (exponential: [Estimate], quadratic: Estimate, learned: Estimate)
  {
    let records = result.records!
    let energy = result.totals.pathEnergy.value
    let exponential = deltas.map { delta -> Estimate in
      var moments = Moments()
      for (m, q) in zip(records.martingale, records.quadraticVariation) {
        moments.add(exp((1 + delta) * (m - 0.5 * q)))
      }
      return moments.meanEstimate
    }
    var quadratic = Moments()
    for q in records.quadraticVariation { quadratic.add(q * q / (energy * energy)) }
    return (exponential, quadratic.meanEstimate, result.totals.learnedPathEnergy)
  }
}
