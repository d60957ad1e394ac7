import Diffusion
import DiffusionChecks
import Foundation
import Harness
import MonteCarlo

/// Theorem `two-sided-chi2`: Proposition 3.3 and Theorem 3.4 of Khelifa,
/// Turner and Venkataramanan (2026), checked over sweeps of the error scale
/// (THEORY.md §4).
public struct TwoSidedChiSquare: Theorem {
  public init() {}

  public let id = "two-sided-chi2"
  public let title = "The two-sided χ² bound over sweeps of the error size"
  public let summary = """
    For small score errors, one round of training adds a divergence pinned to \
    the path energy: ¼ η ε² − C ε⁴ ≤ χ²(p̂ ‖ q) ≤ 4 ε² + c ε⁴, and \
    χ² ≥ ⅛ η ε² once ε² ≤ min{1, η/(8C)}. The sweep reports the smallest C \
    and c that make each side hold, checks the clean forms and the limit \
    χ²/ε² → η, and tests the talk's lower bound η ε² − C ε⁴, which without \
    the ¼ cannot hold with a finite C when the ε³ term is negative.
    """

  public var defaultScenarios: [SweepScenario] {
    TwoSidedScenarios.json.map { try! SweepScenario(json: $0, label: "default") }
  }

  public func scenario(from json: JSONValue, label: String) throws -> SweepScenario {
    try SweepScenario(json: json, label: label)
  }

  public func json(of scenario: SweepScenario) -> JSONValue { scenario.json }
  public func name(of scenario: SweepScenario) -> String { scenario.name }

  public func check(_ scenario: SweepScenario, context: CheckContext) throws
    -> ScenarioOutcome
  {
    let points = try SweepRun.points(scenario, context: context)
    let claims = SweepClaims.claims(points, talkForm: scenario.talkForm)
    let needs = points.map(NeededConstants.init)
    let series = Series([
      ("errorScale", points.map(\.scale)),
      ("pathEnergy", points.map(\.pathEnergy)),
      ("learnedPathEnergy", points.map(\.learnedPathEnergy.value)),
      ("observability", points.map(\.observability.value)),
      ("endpointChiSquare", points.map { $0.chiSquare.estimate?.value ?? .nan }),
      ("endpointChiSquareStderr",
       points.map { $0.chiSquare.estimate?.standardError ?? .nan }),
      ("endpointKL", points.map(\.kl.value)),
      ("neededLowerConstant", needs.map { $0?.lower.value ?? .nan }),
      ("neededTalkLowerConstant", needs.map { $0?.talkLower.value ?? .nan }),
      ("neededUpperConstant", needs.map { $0?.upper.value ?? .nan }),
    ])
    var notes: [String] = []
    if points.contains(where: { !$0.chiSquare.isFinite }) {
      notes.append("Some sweep points have χ² = ∞ (the learned variance reaches twice "
        + "the reference's); their claims are UNDEFINED and they set no constant.")
    }
    if GaussianCase(scenario.base, scenario.error) == nil {
      notes.append("No closed form: χ², KL and η come from the nested time-reversal "
        + "estimator at each point (O(h) bias; KL biased upward), ε̂² from path averages.")
    }
    return ScenarioOutcome(name: scenario.name, scenario: scenario.json, claims: claims,
      series: series, samples: scenario.base.paths * context.sampleScale,
      sampleUnit: "paths per sweep point", notes: notes)
  }

  public func figures(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure] {
    TwoSidedFigures.all(outcomes)
  }

  public func explain(context: CheckContext) throws -> String {
    try TwoSidedExplanation.text(context: context)
  }
}
