import Foundation
import Testing

@testable import DiffusionChecks
@testable import GirsanovObservability
@testable import Harness

/// The Girsanov theorem's check on small closed-form scenarios: every
/// claim gets its expected verdict, and the report does not depend on the
/// thread count.
@Suite struct GirsanovTheoremTests {
  func small(_ name: String, _ error: JSONValue) -> JSONValue {
    guard case .object(var fields) = GirsanovScenarios.gaussian(name: name, error: error)
    else { return .null }
    // The default 1000 steps: the nested estimators carry an O(h) bias
    // against the continuous closed forms, which coarser grids expose.
    for (key, value) in [("paths", JSONValue.integer(2_000)),
      ("endpointSamples", .integer(300)), ("innerPaths", .integer(4))]
    {
      fields[fields.firstIndex { $0.0 == key }!].1 = value
    }
    return .object(fields)
  }

  @Test func smallGaussianRunPassesAndIsThreadIndependent() throws {
    let theorem = AnyTheorem(GirsanovObservability())
    let scenarios = [
      small("c", .object([("kind", .string("constant")), ("value", .number(0.3))])),
      small("l", .object([("kind", .string("linear")), ("slope", .number(0.3))])),
    ]
    func report(_ threads: Int) throws -> (RunResult, String) {
      let result = try execute(RunRequest(theorems: [(theorem, scenarios)], seed: 3,
        threads: threads, profile: .quick))
      return (result, theoremReport(theorem, result: result).serialized())
    }
    let (result, two) = try report(2)
    let (_, one) = try report(1)
    #expect(one == two)
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts) {
        #expect(verdict == claim.expectedVerdict, "\(judged.outcome.name)/\(claim.id)")
      }
    }
    let names = Set(result.scenarios.flatMap(\.outcome.claims).flatMap { $0.quantities.map(\.0) })
    for name in ["pathEnergy", "learnedPathEnergy", "observability", "martingaleMean",
      "pathKL", "endpointKL", "endpointChiSquare"]
    {
      #expect(names.contains(name), "\(name)")
    }
  }

  /// With a N(0, I) start the time-reversal estimators are not defined:
  /// their claim is UNDEFINED with a reason, never a number.
  @Test func standardNormalStartIsUndefinedForEndpointClaims() throws {
    guard case .object(var fields) = small("n",
      .object([("kind", .string("constant")), ("value", .number(0.3))]))
    else { return }
    fields[fields.firstIndex { $0.0 == "start" }!].1 = .string("standard-normal")
    let result = try execute(RunRequest(
      theorems: [(AnyTheorem(GirsanovObservability()), [.object(fields)])],
      seed: 3, threads: 2, profile: .quick))
    let judged = result.scenarios[0]
    let verdict = zip(judged.outcome.claims, judged.verdicts)
      .first { $0.0.id == "proposition-3.1" }?.1
    #expect(verdict == .undefined)
  }
}
