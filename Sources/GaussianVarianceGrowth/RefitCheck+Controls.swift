import Foundation
import Harness

/// Negative controls: deliberately wrong claims that the data must reject.
/// A control that does not FAIL means its check cannot tell wrong from
/// right, and the run fails.
extension RefitCheck {
  mutating func controls() throws {
    let sigma2 = scenario.variance, n = scenario.n
    switch scenario.scheme {
    case .replace:
      // Half the true growth rate.
      if scenario.estimator == .unbiased, let i = lastResolvable(factor: 12) {
        claims.append(equality(
          "control-half-growth@\(i)", "Var Ŷ\(sub(i)) = σ²(1 + i/(2n)) (wrong)",
          "sampleVariance", sample.generations[i - 1].predictive.varianceEstimate,
          sigma2 * (1 + Double(i) / (2 * n)), i, control: true))
      }
      // The unbiased law applied to maximum-likelihood refits.
      if scenario.estimator == .mle, let i = lastResolvable(factor: 1) {
        claims.append(equality(
          "control-mle-keeps-variance@\(i)", "E σ̂²\(sub(i)) = σ² under MLE (wrong)",
          "meanFittedVariance", sample.generations[i - 1].fittedVariance.meanEstimate,
          sigma2, i, control: true))
      }
      // Collapse stalls: the share at G equals the share at ⌈G/2⌉.
      let g = scenario.generations, half = (g + 1) / 2
      let (atG, atHalf) = (try law.collapsedShare(g), try law.collapsedShare(half))
      let n = Double(baseChains)
      if half < g, n * min(atG, 1 - atG) >= 10, n * min(atHalf, 1 - atHalf) >= 10 {
        claims.append(equality(
          "control-collapse-stalls@\(g)",
          "P(σ̂²_G < σ²/10) = P(σ̂²\(sub(half)) < σ²/10) (wrong)", "collapsedShare",
          proportion(sample.generations[g - 1].collapsed.mean, null: atHalf),
          atHalf, g, control: true))
      }
      // No drift of log σ̂²: collapse would not happen.
      claims.append(equality(
        "control-no-log-drift@\(g)", "E log σ̂²_G = log σ² (wrong)",
        "meanLogFittedVariance", sample.generations[g - 1].logFittedVariance.meanEstimate,
        log(sigma2), g, control: true))
    case .mix, .accumulate:
      // The one-shot error σ²/n, as if every generation saw only fresh data.
      let g = scenario.generations
      claims.append(equality(
        "control-one-shot-error@\(g)", "E (μ̂_G − μ)² = σ²/n (wrong)",
        "meanSquaredMeanError",
        sample.generations[g - 1].squaredMeanError.meanEstimate,
        sigma2 / n, g, control: true))
    }
  }
}
