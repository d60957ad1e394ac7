import Foundation
import Testing

@testable import DiffusionChecks
@testable import Harness
@testable import TwoSidedChiSquare

/// The two-sided χ² sweep on the closed-form scenarios: the paper's bounds
/// hold with finite constants, the talk's form fails for the linear error
/// and holds for the constant one, and the controls fail.
@Suite struct TwoSidedTests {
  /// A default closed-form scenario with a small moment simulation.
  func quick(_ index: Int) -> JSONValue {
    guard case .object(var fields) = TwoSidedScenarios.json[index] else { return .null }
    for (key, value) in [("paths", JSONValue.integer(100)), ("steps", .integer(100))] {
      fields[fields.firstIndex { $0.0 == key }!].1 = value
    }
    return .object(fields)
  }

  @Test func closedFormSweepsGetTheirExpectedVerdicts() throws {
    let theorem = AnyTheorem(TwoSidedChiSquare())
    let result = try execute(RunRequest(theorems: [(theorem, [quick(0), quick(1)])],
      seed: 5, threads: 2, profile: .quick))
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts)
      where verdict != .undefined {
        #expect(verdict == claim.expectedVerdict, "\(judged.outcome.name)/\(claim.id)")
      }
    }
    #expect(!result.failed)
    let linear = result.scenarios[0].outcome.claims
    #expect(linear.contains { $0.id == "control-talk-lower" })
    // The largest negative λ doubles the learned variance: χ² = ∞, UNDEFINED.
    #expect(linear.contains {
      if case .undefined(let reason) = $0.test { return reason.contains("∞") }
      return false
    })
    let constant = result.scenarios[1].outcome.claims
    #expect(constant.contains { $0.id == "talk-lower" && !$0.isControl })
  }

  @Test func sweepScalesHitTheRequestedPathEnergies() throws {
    let scenario = try SweepScenario(json: quick(0), label: "t")
    let scales = try scenario.scales(unitEnergy: 0.5)
    #expect(scales.count == 24)
    #expect(abs(scales.last! * scales.last! * 0.5 - 1) < 1e-12)
    #expect(abs(scales[11] * scales[11] * 0.5 - 1e-4) < 1e-15)
    #expect(throws: InputError.self) { try scenario.scales(unitEnergy: 0) }
  }

  static let badSweeps = [
    #"{"points": 0}"#, #"{"points": 11}"#, #"{"smallest": 0}"#, #"{"smallest": -1}"#,
    #"{"smallest": 1, "largest": 0.5}"#, #"{"signs": "negative"}"#, #"{"step": 2}"#,
  ]

  @Test(arguments: badSweeps)
  func badSweepIsAnInputError(sweep: String) throws {
    guard case .object(var fields) = quick(0) else { return }
    fields[fields.firstIndex { $0.0 == "sweep" }!].1 =
      try JSONValue.parse(Data(sweep.utf8), source: "sweep")
    #expect(throws: InputError.self) {
      try SweepScenario(json: .object(fields), label: "t")
    }
  }
}
