import Foundation
import Harness
import MonteCarlo

/// `collapse-check explain gaussian-variance-growth`: the proof's steps,
/// each with the number it predicts and a live Monte Carlo measurement.
enum RefitExplanation {
  /// A small instance, so the walk-through runs in about a second; its
  /// tail factor K₁₂ ≈ 80 keeps E σ̂²₁₂ within the gate for 8000 chains
  /// (Var Ŷ₁₂ and E (μ̂₁₂ − μ)², gated at 12 K₁₂ ≈ 963 > 800, are shown as
  /// illustrations: `run` would not make them claims at this size).
  static let scenario = RefitScenario(
    name: "explain", samplesPerGeneration: 20, generations: 12, chains: 8000)
  /// A long, small-n instance for the collapse steps.
  static let collapse = RefitScenario(
    name: "explain-collapse", samplesPerGeneration: 10, generations: 200,
    chains: 4000)

  static func text(context: CheckContext) throws -> String {
    let unbiased = RefitSimulation.run(scenario, chains: scenario.chains,
      runner: context.runner, streamBase: context.streamBase)
    var mleScenario = scenario
    mleScenario.estimator = .mle
    let mle = RefitSimulation.run(mleScenario, chains: scenario.chains,
      runner: context.runner, streamBase: context.streamBase + 1 << 20)
    let long = RefitSimulation.run(collapse, chains: collapse.chains,
      runner: context.runner, streamBase: context.streamBase + 2 << 20)
    let law = ExactLaw(scenario), mleLaw = ExactLaw(mleScenario)
    let longLaw = ExactLaw(collapse)
    let g = scenario.generations, n = scenario.samplesPerGeneration

    func row(_ label: String, _ e: Estimate, _ exact: Double) -> String {
      "    \(label): predicted \(short(exact)), measured \(short(e.value))"
        + " ± \(short(e.standardError)) (\(String(format: "%+.2f", (e.value - exact) / e.standardError))"
        + " standard errors off)\n"
    }
    let first = unbiased.generations[0], last = unbiased.generations[g - 1]
    var text = """
      Gaussian refitting, step by step: N(0, 1) data, n = \(n) samples per fit,
      \(g) generations, \(scenario.chains) independent chains, seed \(context.runner.seed).
      Each number is predicted by the step and measured live by simulation.

      Step 1. One fit. For n Gaussian samples the sample mean and the sum of
      squares are independent (Cochran): μ̂₁ ~ N(μ, σ²/n) and
      σ̂²₁ ~ σ² χ²_{n−1}/(n−1), so E σ̂²₁ = σ² and E (μ̂₁ − μ)² = σ²/n.

      """
    text += row("E σ̂²₁", first.fittedVariance.meanEstimate, law.meanFittedVariance[0])
    text += row("E (μ̂₁ − μ)²", first.squaredMeanError.meanEstimate,
      law.meanSquaredMeanError[0])
    text += """

      Step 2. The chain is Markov: model i is the same fit applied to samples
      of model i − 1, so σ̂²ᵢ = σ̂²ᵢ₋₁ · χ²_{n−1}/(n−1), a product of independent
      factors of mean 1. By the tower property E σ̂²ᵢ = σ² for every i.

      """
    text += row("E σ̂²\(sub(g))", last.fittedVariance.meanEstimate,
      law.meanFittedVariance[g - 1])
    text += """

      Step 3. The mean takes a step μ̂ᵢ = μ̂ᵢ₋₁ + σ̂ᵢ₋₁ Zᵢ/√n with Zᵢ independent of
      the past, so the steps are uncorrelated and their variances add:
      Var μ̂ᵢ = Σ_{j<i} E σ̂²ⱼ / n = i σ²/n.

      """
    text += row("E (μ̂\(sub(g)) − μ)²", last.squaredMeanError.meanEstimate,
      law.meanSquaredMeanError[g - 1])
    text += """

      Step 4. A fresh sample Ŷᵢ ~ N(μ̂ᵢ, σ̂²ᵢ). By the law of total variance,
      Var Ŷᵢ = E σ̂²ᵢ + Var μ̂ᵢ = σ²(1 + i/n): the spread grows without bound.

      """
    text += row("Var Ŷ\(sub(g))", last.predictive.varianceEstimate,
      law.predictiveVariance(g))
    let drift = try longLaw.logDrift()
    let h = collapse.generations
    let longLast = long.generations[h - 1]
    text += """

      Step 5. Yet each chain collapses. log σ̂²ᵢ = log σ² + Σ log(χ²_{n−1}/(n−1))
      is a random walk whose step has mean ψ((n−1)/2) + log(2/(n−1)) < 0
      (Jensen: E log < log E) and variance ψ′((n−1)/2). By the strong law,
      log σ̂²ᵢ → −∞: σ̂²ᵢ → 0 almost surely. To watch it, take n = 10 and
      \(h) generations (\(collapse.chains) chains): the drift is \(short(drift)) per fit.

      """
    text += row("E log σ̂²\(sub(h))", longLast.logFittedVariance.meanEstimate,
      try longLaw.meanLogFittedVariance(h))
    text += row("Var log σ̂²\(sub(h))", longLast.logFittedVariance.varianceEstimate,
      try longLaw.varianceLogFittedVariance(h))
    for i in [1, 50, h] {
      let exact = try longLaw.collapsedShare(i)
      let measured = long.generations[i - 1].collapsed.mean
      text += "    share of chains with σ̂²\(sub(i)) < σ²/10: exact \(short(exact))"
        + " (Gil-Pelaez inversion), measured \(short(measured))\n"
    }
    text += """

      Step 6. How can the mean stay at σ² while almost every chain goes to 0?
      The right tail carries it: E σ̂⁴ᵢ = σ⁴((n+1)/(n−1))ⁱ grows geometrically,
      so a vanishing set of chains holds ever larger variances. At i = \(h) the
      exact E σ̂⁴ is \(short(longLaw.closedFormMeanSquaredFittedVariance(h))), and the
      mean of σ̂² over \(collapse.chains) chains is \(short(longLast.fittedVariance.mean)):
      not 1, because the chains that carry the mean are too rare to be drawn.
      This is why the harness checks means of σ̂² only where the tail is light
      enough for the number of chains, and says so where it is not.

      Step 7. With maximum-likelihood refits (divide by n) each step shrinks
      the mean variance by ρ = (n−1)/n: E σ̂²ᵢ = σ²ρⁱ, while the mean's
      variance grows by the same amount, Var μ̂ᵢ = σ²(1 − ρⁱ). The two cancel:
      Var Ŷᵢ = σ² exactly, for every i.

      """
    let mleLast = mle.generations[g - 1]
    text += row("E σ̂²\(sub(g)) (MLE)", mleLast.fittedVariance.meanEstimate,
      mleLaw.meanFittedVariance[g - 1])
    text += row("Var Ŷ\(sub(g)) (MLE)", mleLast.predictive.varianceEstimate,
      mleLaw.predictiveVariance(g))
    text += "\nThe full check: collapse-check run gaussian-variance-growth\n"
    return text
  }
}
