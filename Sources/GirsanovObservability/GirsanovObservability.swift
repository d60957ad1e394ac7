import Diffusion
import DiffusionChecks
import Foundation
import Harness
import MonteCarlo

/// Theorem `girsanov-observability`: Girsanov's theorem for a learned
/// reverse diffusion, Proposition 3.1 and the observability coefficient η
/// (Khelifa, Turner and Venkataramanan 2026, §3; THEORY.md §2–3).
public struct GirsanovObservability: Theorem {
  public init() {}

  public let id = "girsanov-observability"
  public let title = "Girsanov path density, Proposition 3.1 and observability η"
  public let summary = """
    A learned reverse diffusion uses the score s − e instead of s. Along the \
    ideal path, Girsanov's theorem gives the path density dP̂/dP = e^Z with \
    Z = M − ½⟨M⟩, M = −∫ e · dB̄: so E_P[e^Z] = 1, Var_P(M) = ε² and \
    KL(P̂ ‖ P) = ½ ε̂² = E_P[Z e^Z]. By data processing the endpoint law obeys \
    KL(p̂ ‖ Law Y_{t₀}) ≤ ½ ε̂² (Proposition 3.1). How much of the path error \
    reaches the samples is the observability η = Var(E[M | Y_{t₀}])/ε² ∈ [0, 1] \
    (Definition 3.2): errors tied to the state leave a trace at the endpoint, \
    errors that average out over time do not.
    """

  public var defaultScenarios: [DiffusionScenario] {
    GirsanovScenarios.json.map { try! DiffusionScenario(json: $0, label: "default") }
  }

  public func scenario(from json: JSONValue, label: String) throws -> DiffusionScenario {
    try DiffusionScenario(json: json, label: label)
  }

  public func json(of scenario: DiffusionScenario) -> JSONValue { scenario.json }
  public func name(of scenario: DiffusionScenario) -> String { scenario.name }

  public func check(_ scenario: DiffusionScenario, context: CheckContext) throws
    -> ScenarioOutcome
  {
    var claims: [Claim] = [], notes: [String] = []
    var series: [(String, [Double])] = []
    var runs: [ErrorRun] = []
    for (k, spec) in scenario.scoreErrors.enumerated() {
      let run = try ErrorRun(spec, index: k, scenario: scenario, context: context)
      runs.append(run)
      let prefix = scenario.scoreErrors.count > 1 ? "\(spec.label)/" : ""
      claims += PathClaims.claims(run, prefix: prefix)
      claims += EndpointClaims.claims(run, prefix: prefix)
      if let exact = GaussianCase(scenario, spec) {
        let gaussian = try GaussianClaims.claims(run, exact, prefix: prefix,
          context: context, innerPaths: 250 * scenario.innerPaths)
        claims += gaussian.claims
        series += ratioSeries(prefix, gaussian.ratios)
        let weak = GaussianClaims.weakErrors(exact, steps: scenario.steps)
        series += [("\(prefix)stepSize", weak.map { $0[0] }),
          ("\(prefix)weakError", weak.map { $0[1] })]
      }
    }
    if scenario.isAblation { claims += AblationClaims.claims(runs) }
    if scenario.start != .exact {
      notes.append("Start N(0, I): the nested endpoint estimators need the exact start "
        + "U_T(q) and are not run; the initialization error is reported on its own.")
    }
    series.append(("errorLabel", runs.indices.map(Double.init)))
    series.append(("observability", runs.map { $0.endpoint?.observability.value ?? .nan }))
    series.append(("observabilityStderr",
      runs.map { $0.endpoint?.observability.standardError ?? .nan }))
    series.append(("regressionObservability",
      runs.map { $0.regression?.observability.value ?? .nan }))
    series.append(("regressionObservabilityStderr",
      runs.map { $0.regression?.observability.standardError ?? .nan }))
    return ScenarioOutcome(name: scenario.name, scenario: scenario.json, claims: claims,
      series: Series(series), samples: scenario.paths * context.sampleScale,
      sampleUnit: "reverse paths per error", notes: notes)
  }

  private func ratioSeries(_ prefix: String, _ rows: [[Double]]) -> [(String, [Double])] {
    guard !rows.isEmpty else { return [] }
    return [("\(prefix)ratioPoint", rows.map { $0[0] }),
      ("\(prefix)exactRatio", rows.map { $0[1] }),
      ("\(prefix)estimatedRatio", rows.map { $0[2] }),
      ("\(prefix)estimatedRatioStderr", rows.map { $0[3] })]
  }

  public func figures(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure] {
    GirsanovFigures.all(outcomes, rules: rules)
  }

  public func explain(context: CheckContext) throws -> String {
    try GirsanovExplanation.text(context: context)
  }
}
