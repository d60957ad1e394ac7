import Foundation
import Testing

@testable import GaussianVarianceGrowth
@testable import Harness
@testable import MonteCarlo

/// The simulated chains against the exact law, on small fixed-seed runs.
/// Tolerance: 5 standard errors (a false alarm has probability below 10⁻⁵
/// per comparison, and the seeds are fixed, so these never flake).
@Suite struct GaussianSimulationTests {
  func simulate(_ scenario: RefitScenario, threads: Int = 2) -> RefitSample {
    RefitSimulation.run(scenario, chains: scenario.chains,
      runner: BlockRunner(seed: 42, threads: threads), streamBase: 0)
  }

  func within(_ e: Estimate, _ exact: Double, _ k: Double = 5) -> Bool {
    abs(e.value - exact) <= k * e.standardError
  }

  @Test(arguments: RefitScenario.Scheme.allCases)
  func simulationMatchesExactLaw(scheme: RefitScenario.Scheme) {
    let scenario = RefitScenario(name: "t", mean: 3, variance: 2,
      samplesPerGeneration: 20, generations: 10, chains: 4000,
      scheme: scheme, freshFraction: scheme == .mix ? 0.25 : 0)
    let law = ExactLaw(scenario)
    let sample = simulate(scenario)
    for i in [1, 5, 10] {
      let g = sample.generations[i - 1]
      #expect(within(g.fittedVariance.meanEstimate, law.meanFittedVariance[i - 1]))
      #expect(within(g.squaredMeanError.meanEstimate, law.meanSquaredMeanError[i - 1]))
      #expect(within(g.predictive.varianceEstimate, law.predictiveVariance(i)))
    }
  }

  @Test func logVarianceFollowsTheRandomWalk() throws {
    let scenario = RefitScenario(name: "t", samplesPerGeneration: 5,
      generations: 40, chains: 4000)
    let law = ExactLaw(scenario)
    let last = simulate(scenario).generations[39]
    #expect(within(last.logFittedVariance.meanEstimate,
      try law.meanLogFittedVariance(40)))
    #expect(within(last.logFittedVariance.varianceEstimate,
      try law.varianceLogFittedVariance(40)))
  }

  @Test func samplesAreIdenticalForAnyThreadCount() {
    let scenario = RefitScenario(name: "t", samplesPerGeneration: 10,
      generations: 5, chains: 1700, scheme: .accumulate)
    let one = simulate(scenario, threads: 1), two = simulate(scenario, threads: 2)
    for i in 0..<5 {
      #expect(one.generations[i].fittedVariance == two.generations[i].fittedVariance)
      #expect(one.generations[i].predictive == two.generations[i].predictive)
    }
    #expect(one.fittedVarianceSample == two.fittedVarianceSample)
  }

  /// A whole check on a reduced default set: every claim PASSES, every
  /// control FAILS, and the JSON report is byte-identical for 1 and 2
  /// threads.
  @Test func reducedDefaultRunPassesAndIsThreadIndependent() throws {
    let theorem = AnyTheorem(GaussianVarianceGrowth())
    let scenarios: [JSONValue] = [
      RefitScenario(name: "u", samplesPerGeneration: 50, generations: 12, chains: 3000),
      RefitScenario(name: "m", samplesPerGeneration: 50, generations: 12,
        chains: 3000, estimator: .mle),
      RefitScenario(name: "c", samplesPerGeneration: 5, generations: 150, chains: 3000),
      RefitScenario(name: "x", samplesPerGeneration: 50, generations: 12,
        chains: 3000, scheme: .mix, freshFraction: 0.3),
      RefitScenario(name: "a", samplesPerGeneration: 50, generations: 12,
        chains: 3000, scheme: .accumulate),
    ].map(\.json)
    func report(_ threads: Int) throws -> (RunResult, String) {
      let result = try execute(RunRequest(theorems: [(theorem, scenarios)],
        seed: 7, threads: threads, profile: .quick))
      return (result, theoremReport(theorem, result: result).serialized())
    }
    let (result, two) = try report(2)
    let (_, one) = try report(1)
    #expect(one == two)
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts) {
        #expect(verdict == claim.expectedVerdict,
          "\(judged.outcome.name)/\(claim.id): \(verdict)")
      }
    }
    #expect(!result.failed)
    let names = Set(result.scenarios.flatMap { $0.outcome.claims }
      .flatMap { $0.quantities.map(\.0) })
    for name in ["sampleVariance", "meanFittedVariance", "meanSquaredMeanError",
      "meanLogFittedVariance"]
    {
      #expect(names.contains(name))
    }
  }
}
