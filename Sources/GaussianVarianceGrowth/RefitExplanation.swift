import Foundation
import Harness
import MonteCarlo

/// `collapse-check explain gaussian-variance-growth`: the proof's steps,
/// each with the number it predicts and a live Monte Carlo measurement.
enum RefitExplanation {
  /// A small instance, so the walk-through runs in about a second.
  static let scenario = RefitScenario(
    name: "explain", samplesPerGeneration: 20, generations: 20, chains: 8000)

  static func text(context: CheckContext) throws -> String {
    let unbiased = RefitSimulation.run(scenario, chains: scenario.chains,
      runner: context.runner, streamBase: context.streamBase)
    var mleScenario = scenario
    mleScenario.estimator = .mle
    let mle = RefitSimulation.run(mleScenario, chains: scenario.chains,
      runner: context.runner, streamBase: context.streamBase + 1 << 20)
    let law = ExactLaw(scenario), mleLaw = ExactLaw(mleScenario)
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
    let drift = try law.logDrift()
    text += """

      Step 5. Yet each chain collapses. log σ̂²ᵢ = log σ² + Σ log(χ²_{n−1}/(n−1))
      is a random walk whose step has mean ψ((n−1)/2) + log(2/(n−1)) = \(short(drift))
      < 0 (Jensen: E log < log E) and variance ψ′((n−1)/2). By the strong law,
      log σ̂²ᵢ → −∞: σ̂²ᵢ → 0 almost surely.

      """
    text += row("E log σ̂²\(sub(g))", last.logFittedVariance.meanEstimate,
      try law.meanLogFittedVariance(g))
    text += row("Var log σ̂²\(sub(g))", last.logFittedVariance.varianceEstimate,
      try law.varianceLogFittedVariance(g))
    text += "    share of chains with σ̂²\(sub(g)) < σ²/10: \(short(last.collapsed.mean))"
      + " (after one fit: \(short(first.collapsed.mean)))\n"
    text += """

      Step 6. How can the mean stay at σ² while almost every chain goes to 0?
      The right tail carries it: E σ̂⁴ᵢ = σ⁴((n+1)/(n−1))ⁱ grows geometrically,
      so a shrinking set of chains holds ever larger variances. This is also
      why the harness checks means of σ̂² only where this tail is light
      enough for the number of chains (tail factor Kᵢ here: \(short(law.fittedVarianceKurtosis(g)))).

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
