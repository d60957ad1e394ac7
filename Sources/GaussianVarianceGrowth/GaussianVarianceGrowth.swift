import Foundation
import Harness

/// Theorem `gaussian-variance-growth`: a Gaussian refitted to its own
/// samples (Shumailov et al. 2024, Theorem 3.1 and supplement; THEORY.md §8).
public struct GaussianVarianceGrowth: Theorem {
  public init() {}

  public let id = "gaussian-variance-growth"
  public let title = "One-dimensional Gaussian refitting: variance growth and collapse"
  public let summary = """
    A Gaussian is fitted to n samples of N(μ, σ²), then refitted, generation \
    after generation, to n samples of the previous fit. With unbiased refits a \
    fresh sample of generation i has Var Ŷᵢ = σ²(1 + i/n), growing without \
    bound, while every chain's fitted variance σ̂²ᵢ collapses to 0 almost surely \
    (log σ̂²ᵢ is a random walk with negative drift ψ((n−1)/2) + log(2/(n−1))) \
    although E σ̂²ᵢ = σ² for all i. Maximum-likelihood refits keep \
    Var Ŷᵢ = σ² exactly. Mixing a fraction α of fresh data gives an exact \
    linear recursion with a finite limit; accumulating all samples keeps \
    E (μ̂ᵢ − μ)² below (π²/6) σ²/n.
    """

  public var defaultScenarios: [RefitScenario] { RefitScenario.defaults }

  public func scenario(from json: JSONValue, label: String) throws -> RefitScenario {
    try RefitScenario(json: json, label: label)
  }

  public func json(of scenario: RefitScenario) -> JSONValue { scenario.json }

  public func name(of scenario: RefitScenario) -> String { scenario.name }

  public func check(_ scenario: RefitScenario, context: CheckContext) throws
    -> ScenarioOutcome
  {
    let baseChains = scenario.chains * context.profile.sampleFactor
    let chains = scenario.chains * context.sampleScale
    let sample = RefitSimulation.run(
      scenario, chains: chains, runner: context.runner,
      streamBase: context.streamBase)
    var check = RefitCheck(
      scenario: scenario, law: ExactLaw(scenario), sample: sample,
      baseChains: baseChains)
    try check.build()
    return ScenarioOutcome(
      name: scenario.name, scenario: scenario.json, claims: check.claims,
      series: try RefitSeries.make(check), samples: chains,
      sampleUnit: "chains", notes: check.notes)
  }

  public func figures(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure] {
    RefitFigures.all(outcomes, rules: rules)
  }

  public func explain(context: CheckContext) throws -> String {
    try RefitExplanation.text(context: context)
  }
}
