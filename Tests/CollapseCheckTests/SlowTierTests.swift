import Foundation
import Testing

@testable import GaussianVarianceGrowth
@testable import Harness

/// High-precision runs, opt-in: `COLLAPSECHECK_SLOW=1 swift test`.
/// They take minutes in a debug build and are not part of CI's fast tier.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["COLLAPSECHECK_SLOW"] == "1"))
struct SlowTierTests {
  /// The default scenarios exactly as `collapse-check` runs them: every
  /// claim PASSES, every control FAILS, 1 and 2 threads agree byte for byte.
  @Test func defaultGaussianRunPassesAndIsThreadIndependent() throws {
    let theorem = AnyTheorem(GaussianVarianceGrowth())
    func run(_ threads: Int) throws -> (RunResult, String) {
      let result = try execute(RunRequest(
        theorems: [(theorem, theorem.defaultScenarios())],
        seed: 20_261_203, threads: threads, profile: .quick))
      return (result, theoremReport(theorem, result: result).serialized())
    }
    let (result, two) = try run(2)
    let (_, one) = try run(1)
    #expect(one == two)
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts) {
        #expect(verdict == claim.expectedVerdict, "\(judged.outcome.name)/\(claim.id)")
      }
    }
  }

  /// Exact values lie inside their simultaneous intervals with 25 times
  /// the chains, on other seeds.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func fullProfileIntervalsCoverExactValues(seed: UInt64) throws {
    let theorem = AnyTheorem(GaussianVarianceGrowth())
    let scenario = RefitScenario(name: "full", samplesPerGeneration: 50,
      generations: 20, chains: 4000).json
    let result = try execute(RunRequest(theorems: [(theorem, [scenario])],
      seed: seed, threads: 2, profile: .full))
    #expect(!result.failed)
  }
}
