import Diffusion
import DiffusionChecks
import Foundation
import Harness
import MonteCarlo

/// `collapse-check explain girsanov-observability`: the proof of
/// Proposition 3.1 and the meaning of η, step by step, with live numbers
/// on one-dimensional Gaussian data, where every quantity has a closed form.
enum GirsanovExplanation {
  static func text(context: CheckContext) throws -> String {
    let scenario = try DiffusionScenario(json: GirsanovScenarios.gaussian(
      name: "explain", error: .object([("kind", .string("constant")),
        ("value", .number(0.3))])), label: "explain")
    let spec = scenario.scoreErrors[0]
    let sampler = try scenario.sampler(spec)
    let paths = sampler.simulate(paths: 20_000, runner: context.runner,
      streamBase: context.streamBase, recordPaths: true)
    let totals = paths.totals
    let exact = GaussianCase(scenario, spec)!
    let model = try exact.linear(scale: 1)
    let energy = try model.pathEnergy()
    let eta = try exact.exactObservability()
    let endpoint = try sampler.endpointEstimates(outerSamples: 1_000, innerPaths: 16,
      runner: context.runner, streamBase: context.streamBase + 1 << 20)

    func row(_ label: String, _ e: Estimate, _ exact: Double) -> String {
      "    \(label): predicted \(short(exact)), measured \(short(e.value)) ± "
        + "\(short(e.standardError)) (\(String(format: "%+.2f", (e.value - exact) / e.standardError)) "
        + "standard errors off)\n"
    }
    var text = """
      Girsanov, Proposition 3.1 and observability, step by step: data N(0, 0.25),
      T = 5, t₀ = 0.01, \(scenario.steps) Euler–Maruyama steps, exact start, and a
      constant score error e(x, t) = 0.3. Seed \(context.runner.seed).

      Step 1. Two reverse processes share their noise: the ideal one with the
      true score s, the learned one with s − e. Per step their Gaussian
      transitions differ only in the mean (by e h), so the path density is
      dP̂/dP = e^Z with Z = M − ½⟨M⟩, M = −Σ e·ΔB̄, ⟨M⟩ = Σ ‖e‖² h. A density
      integrates to one:

      """
    text += row("E_P[e^Z]", totals.meanLikelihoodRatio, 1)
    text += """

      Step 2. M is a martingale, so its variance is its expected quadratic
      variation (Itô isometry): Var_P(M) = E⟨M⟩ = ε² = ∫ E‖e‖² dt.

      """
    text += row("Var_P(M)", totals.martingaleVariance, energy)
    text += """

      Step 3. Under P̂ the noise is shifted by −e h, so E_P̂[Z] = ½ E_P̂ ∫‖e‖²:
      KL(P̂ ‖ P) = ½ ε̂², and the same number is E_P[Z e^Z] (change of measure).

      """
    text += row("E_P[Z e^Z]", totals.pathDivergence, 0.5 * energy)
    let kl = try model.klDivergence()
    text += """

      Step 4. Proposition 3.1. The endpoint is a function of the path, and KL
      can only shrink under a function (data processing):
      KL(p̂ ‖ Law Y_{t₀}) ≤ KL(P̂ ‖ P) = ½ ε̂². Here, exactly,
          KL(p̂ ‖ Law Y_{t₀}) = \(short(kl))  ≤  ½ ε̂² = \(short(0.5 * energy)).
      The gap is the part of the path error that never reaches the samples.

      Step 5. The endpoint density ratio is the path density averaged over the
      paths that end at y: r(y) = E_P[e^Z | Y_{t₀} = y]. With an exact start the
      ideal path, run backwards, is the forward OU process, so conditioning on
      the endpoint means starting forward paths at y. Nested Monte Carlo:

      """
    let sd = exact.idealEndpoint.variance.squareRoot()
    let points = [-1.0, 0, 1].map { [$0 * sd] }
    let ratios = try sampler.likelihoodRatio(at: points, innerPaths: 4_000,
      runner: context.runner, streamBase: context.streamBase + 2 << 20)
    for (y, r) in zip(points, ratios) {
      text += row("r(\(short(y[0])))", r, try exact.exactRatio(at: y[0], scale: 1))
    }
    let oscillating = try GaussianConstantError(dataVariance: 0.25,
      profile: .oscillating(amplitude: 0.3, cycles: 4, horizon: 5), errorScale: 1,
      stopTime: 0.01, horizon: 5).summary().observability
    text += """

      Step 6. Expanding e^Z = 1 + M + O(ε²) gives r − 1 ≈ E[M | Y_{t₀}]: the
      part of M that the endpoint can see. Its share of Var(M) = ε² is the
      observability η = Var(E[M | Y_{t₀}])/ε² ∈ [0, 1] (law of total variance),
      and χ² ≈ η ε² to leading order. For this constant error, in closed form
      η = m²/(v_{t₀} ε²) with m the endpoint shift:

      """
    text += row("η (nested Monte Carlo)", endpoint.observability, eta)
    text += """
        An error that oscillates in time, 0.3 sin(8πt/T), has the same size but
        its pushes cancel along the path: η = \(short(oscillating)) in closed form.

      The full check: collapse-check run girsanov-observability
      """
    return text
  }
}
