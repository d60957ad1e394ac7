import Foundation
import Testing

@testable import Harness
@testable import MonteCarlo

/// The verdict rules on constructed cases, where the right answer is known.
@Suite struct VerdictRuleTests {
  let rules = VerdictRules(familyWiseRate: 1e-3, familySize: 10)

  func estimate(_ value: Double, _ se: Double) -> Estimate {
    Estimate(value: value, standardError: se, samples: 1000)
  }

  @Test func equalityPassesWithinNoiseAndFailsFarOutside() {
    let verdicts = rules.verdicts([
      .equals(estimate(1.01, 0.01), exact: 1),  // z = 1
      .equals(estimate(1.10, 0.01), exact: 1),  // z = 10
    ])
    #expect(verdicts == [.pass, .fail])
  }

  /// With m = 10 and rate 10⁻³ the simultaneous one-sided critical value is
  /// Φ⁻¹(1 − 10⁻⁴) ≈ 3.72.
  @Test func boundsNeedTheirIntervalOnTheClaimedSide() {
    let verdicts = rules.verdicts([
      .atMost(estimate(-1, 0.1)),  // 10 se below: confirmed
      .atMost(estimate(-0.1, 0.1)),  // 1 se below: straddles
      .atMost(estimate(1, 0.1)),  // 10 se above: violated
      .atLeast(estimate(0.5, 0.1)),
      .within(estimate(0.5, 0.01), 0...1),
      .within(estimate(0.999, 0.01), 0...1),
      .within(estimate(2, 0.01), 0...1),
    ])
    #expect(verdicts == [.pass, .inconclusive, .fail, .pass, .pass, .inconclusive, .fail])
  }

  @Test func computedAndUndefinedClaims() {
    let verdicts = rules.verdicts([
      .agrees(1, 1 + 1e-14, relativeTolerance: 1e-12),
      .agrees(1, 1.001, relativeTolerance: 1e-12),
      .holds(true), .holds(false),
      .undefined("χ² = ∞: the learned variance is more than twice the reference"),
    ])
    #expect(verdicts == [.pass, .fail, .pass, .fail, .undefined])
    #expect(VerdictRules.pValue(.undefined("x")) == nil)
  }

  /// Holm rejects p₍ₖ₎ ≤ rate/(m − k + 1) in order and stops at the first
  /// that is not: with m = 3, thresholds are 3.3e-4, 5e-4, 1e-3.
  @Test func holmStepsDownAndStops() {
    let holm = VerdictRules(familyWiseRate: 1e-3, familySize: 3)
    // z-values giving two-sided p of about 1e-4, 4e-4 and 2e-3.
    let tests: [ClaimTest] = [
      .equals(estimate(3.8906, 1), exact: 0),
      .equals(estimate(3.5401, 1), exact: 0),
      .equals(estimate(3.0902, 1), exact: 0),
    ]
    #expect(holm.verdicts(tests) == [.fail, .fail, .pass])
    // Bonferroni alone (threshold 3.3e-4 for all) would keep the second.
    #expect(holm.provisionalVerdict(tests[1]) == .pass)
  }

  @Test func aControlThatPassesMakesTheRunFail() throws {
    let result = try execute(RunRequest(
      theorems: [(AnyTheorem(FakeTheorem(controlIsWrong: false)), [.object([])])],
      seed: 1, threads: 1, profile: .quick))
    let judged = try #require(result.scenarios.first)
    #expect(judged.verdicts == [.pass, .pass])
    #expect(judged.powerlessControls.map(\.id) == ["control"])
    #expect(result.failed)
    #expect(Summary.verdictTable(result).contains("POWERLESS"))
  }

  @Test func aControlThatFailsLeavesTheRunGreen() throws {
    let result = try execute(RunRequest(
      theorems: [(AnyTheorem(FakeTheorem(controlIsWrong: true)), [.object([])])],
      seed: 1, threads: 1, profile: .quick))
    #expect(result.scenarios[0].verdicts == [.pass, .fail])
    #expect(!result.failed)
  }

  /// A bound 2 base standard errors away is INCONCLUSIVE at the base sample
  /// (one-sided critical value Φ⁻¹(1 − 2.5·10⁻⁴) ≈ 3.48 for m = 2);
  /// doubling shrinks the error by √2 each time, and after two doublings
  /// (2/0.5 = 4 > 3.48 standard errors) the bound is confirmed.
  @Test func escalationDoublesTheSampleBeforeGivingUp() throws {
    let result = try execute(RunRequest(
      theorems: [(AnyTheorem(FakeTheorem(controlIsWrong: true, gap: 0.2)),
        [.object([])])],
      seed: 1, threads: 1, profile: .quick))
    let judged = result.scenarios[0]
    #expect(judged.stage == 2)
    #expect(judged.outcome.samples == 4000)
    #expect(judged.verdicts == [.pass, .fail])
  }
}

/// A theorem whose numbers are set by hand: a bound claim whose standard
/// error shrinks as 1/√(sample scale), and a control.
struct FakeTheorem: Theorem {
  var controlIsWrong: Bool
  var gap = 1.0

  var id: String { "fake" }
  var title: String { "Fake" }
  var summary: String { "A theorem with hand-set numbers." }
  var defaultScenarios: [Int] { [0] }
  func scenario(from json: JSONValue, label: String) throws -> Int { 0 }
  func json(of scenario: Int) -> JSONValue { .object([("name", .string("s"))]) }
  func name(of scenario: Int) -> String { "s" }

  func check(_ scenario: Int, context: CheckContext) throws -> ScenarioOutcome {
    let scale = Double(context.sampleScale)
    let se = 0.1 / scale.squareRoot()
    let bound = Estimate(value: -gap, standardError: se, samples: 1000 * scale)
    let controlValue = controlIsWrong ? 5.0 : 0.0
    return ScenarioOutcome(
      name: "s", scenario: .object([]),
      claims: [
        Claim(id: "bound", statement: "x ≤ 0", test: .atMost(bound)),
        Claim(id: "control", statement: "x = 0 (wrong)", control: true,
          test: .equals(Estimate(value: controlValue, standardError: se,
            samples: 1000 * scale), exact: 0)),
      ],
      series: Series(), samples: Int(1000 * scale), sampleUnit: "draws")
  }

  func figures(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure] { [] }
  func explain(context: CheckContext) throws -> String { "" }
}
