import Foundation
import GSL
import Harness
import MonteCarlo

/// Turns a simulated sample and the exact law into the theorem's claims.
///
/// Claims are made at the checkpoint generations 1, ⌈G/4⌉, ⌈G/2⌉ and G.
/// Means of σ̂²-type quantities are heavy-tailed under `replace`. The
/// standard error of a mean of N draws of X is itself estimated from the
/// draws, with relative error about √(κ/N) where κ = E X⁴/(E X²)²; for
/// X = σ̂²ᵢ that ratio is at most Kᵢ (see `fittedVarianceKurtosis`). For
/// the quadratic quantities (Ŷ − μ)² and (μ̂ − μ)² the Gaussian factor
/// E z⁸/(E z⁴)² = 105/9 ≈ 11.7 multiplies it, rounded up to 12; the mean of
/// σ̂⁴ is gated by 10·Kᵢ(2), its own (far heavier) tail factor. Where
/// factor · Kᵢ > N/10 (the standard error would be off by more than about
/// 30 %) the claim is not made and a note says why. Known shortcoming: the
/// gate is a rule of thumb, not a bound; it keeps the default runs'
/// z-scores within a few units but gives no guarantee for other scenarios. The gate uses the base
/// N, never the escalated one, so the set of claims is fixed before
/// sampling.
struct RefitCheck {
  let scenario: RefitScenario
  let law: ExactLaw
  let sample: RefitSample
  let baseChains: Int
  var claims: [Claim] = []
  var notes: [String] = []

  var g: Int { scenario.generations }
  var isReplace: Bool { scenario.scheme == .replace }

  var checkpoints: [Int] {
    Array(Set([1, (g + 3) / 4, (g + 1) / 2, g])).sorted()
  }

  /// Whether a mean of a quantity with tail factor `factor`·Kᵢ(power) is
  /// resolvable at generation i with the base number of chains.
  func resolvable(_ i: Int, factor: Double, power: Int = 1) -> Bool {
    !isReplace
      || factor * law.fittedVarianceKurtosis(i, power: power) <= Double(baseChains) / 10
  }

  /// The last checkpoint at which `resolvable` holds, if any.
  func lastResolvable(factor: Double) -> Int? {
    checkpoints.last { resolvable($0, factor: factor) }
  }

  mutating func build() throws {
    for i in checkpoints { try momentClaims(at: i) }
    if isReplace { try replaceClaims() }
    if scenario.scheme == .mix { try mixClaims() }
    if scenario.scheme == .accumulate { accumulateClaims() }
    try controls()
  }

  private mutating func momentClaims(at i: Int) throws {
    let moments = sample.generations[i - 1]
    let label = "generation \(i)"
    if resolvable(i, factor: 12) {
      claims.append(equality(
        "predictive-variance@\(i)", "Var Ŷ\(sub(i)) = \(predictiveLaw)",
        "sampleVariance", moments.predictive.varianceEstimate,
        law.predictiveVariance(i), i))
      claims.append(equality(
        "mean-squared-mean-error@\(i)", "E (μ̂\(sub(i)) − μ)² = \(meanErrorLaw)",
        "meanSquaredMeanError", moments.squaredMeanError.meanEstimate,
        law.meanSquaredMeanError[i - 1], i))
    } else {
      notes.append("\(label): Var Ŷ and E (μ̂ − μ)² not checked by Monte Carlo: "
        + "their standardised tail factor 12·Kᵢ = \(short(12 * law.fittedVarianceKurtosis(i))) "
        + "exceeds N/10 = \(short(Double(baseChains) / 10)) for N = \(baseChains) chains.")
    }
    if resolvable(i, factor: 1) {
      claims.append(equality(
        "mean-fitted-variance@\(i)", "E σ̂²\(sub(i)) = \(fittedLaw)",
        "meanFittedVariance", moments.fittedVariance.meanEstimate,
        law.meanFittedVariance[i - 1], i))
    } else {
      notes.append("\(label): E σ̂² = \(short(law.meanFittedVariance[i - 1])) holds "
        + "exactly but is not checkable by Monte Carlo here: the tail factor "
        + "Kᵢ = \(short(law.fittedVarianceKurtosis(i))) of σ̂²ᵢ exceeds N/10.")
    }
    guard isReplace else { return }
    // σ̂⁴ is far more skewed than σ̂²: its mean's z-test needs a tenfold
    // stricter gate to keep the normal approximation honest at Holm's levels.
    if resolvable(i, factor: 10, power: 2) {
      claims.append(equality(
        "mean-squared-fitted-variance@\(i)",
        "E σ̂⁴\(sub(i)) = σ⁴ (k(k+2)/d²)ⁱ", "meanSquaredFittedVariance",
        moments.squaredFittedVariance.meanEstimate,
        law.closedFormMeanSquaredFittedVariance(i), i))
    } else {
      notes.append("\(label): E σ̂⁴ = \(short(law.closedFormMeanSquaredFittedVariance(i))) "
        + "not checked by Monte Carlo: 10·Kᵢ(2) = "
        + "\(short(10 * law.fittedVarianceKurtosis(i, power: 2))) exceeds N/10.")
    }
    try collapseClaim(at: i)
    claims.append(equality(
      "mean-log-fitted-variance@\(i)",
      "E log σ̂²\(sub(i)) = log σ² + i (ψ((n−1)/2) + log(2/d))",
      "meanLogFittedVariance", moments.logFittedVariance.meanEstimate,
      try law.meanLogFittedVariance(i), i))
    claims.append(equality(
      "variance-log-fitted-variance@\(i)", "Var log σ̂²\(sub(i)) = i ψ′((n−1)/2)",
      "varianceLogFittedVariance", moments.logFittedVariance.varianceEstimate,
      try law.varianceLogFittedVariance(i), i))
  }

  /// The exact recursion's limit under fresh-data mixing.
  private mutating func mixClaims() throws {
    let fixed = try law.mixFixedPoint()
    let far = ExactLaw.mixRecursion(scenario, generations: max(g, 20_000))
    claims.append(Claim(id: "recursion-limit",
      statement: "the (E σ̂², E (μ̂ − μ)²) recursion is a contraction with a finite limit",
      test: .holds(fixed.spectralRadius < 1),
      quantities: [("spectralRadius", .exactly(fixed.spectralRadius)),
        ("limitMeanFittedVariance", .exactly(fixed.a)),
        ("limitMeanSquaredMeanError", .exactly(fixed.b))]))
    claims.append(agreement("fixed-point-vs-iteration",
      "LU fixed point = recursion iterated 20000 generations (10⁻¹² relative)",
      [("limitMeanFittedVariance", fixed.a),
       ("iteratedMeanFittedVariance", far.0.last!),
       ("limitMeanSquaredMeanError", fixed.b),
       ("iteratedMeanSquaredMeanError", far.1.last!)]))
  }

  /// The π²/6 bound under accumulation, checked exactly at every generation
  /// and by simulation at the last checkpoint where the gap to the bound is
  /// at least 8 predicted standard errors (b_i approaches the bound as i
  /// grows, so a late generation cannot resolve the inequality).
  private mutating func accumulateClaims() {
    let bound = law.accumulateBound
    claims.append(agreement("mean-error-two-routes",
      "E (μ̂_G − μ)²: sum formula = pooled-sum recursion (10⁻¹² relative)",
      [("sumFormula", law.meanSquaredMeanError[g - 1]),
       ("pooledSumRecursion", law.accumulateMeanErrorBySums(g))]))
    let worst = law.meanSquaredMeanError.max()!
    claims.append(Claim(id: "accumulation-bound-exact",
      statement: "max_{i≤G} E (μ̂ᵢ − μ)² ≤ (π²/6) σ²/n (exact recursion)",
      test: .holds(worst <= bound),
      quantities: [("largestMeanSquaredMeanError", .exactly(worst)),
        ("bound", .exactly(bound))]))

    let resolution = 8 * (2 / Double(baseChains)).squareRoot()
    guard let i = checkpoints.last(where: {
      bound - law.meanSquaredMeanError[$0 - 1]
        >= resolution * law.meanSquaredMeanError[$0 - 1]
    }) else {
      notes.append("The accumulation bound is not checked by Monte Carlo: at every "
        + "checkpoint E (μ̂ᵢ − μ)² is within 8 standard errors of (π²/6) σ²/n.")
      return
    }
    let estimate = sample.generations[i - 1].squaredMeanError.meanEstimate
    claims.append(Claim(id: "accumulation-bound@\(i)",
      statement: "E (μ̂\(sub(i)) − μ)² ≤ (π²/6) σ²/n (simulated)",
      test: .atMost(estimate - .exact(bound)),
      quantities: [("meanSquaredMeanError", .estimate(estimate,
        exact: law.meanSquaredMeanError[i - 1])),
        ("bound", .exactly(bound)), ("generation", .plain(Double(i)))]))
  }
}

extension RefitCheck {
  /// The formula of Var Ŷᵢ for this scenario, in words.
  var predictiveLaw: String {
    switch (scenario.scheme, scenario.estimator) {
    case (.replace, .unbiased): return "σ²(1 + i/n)"
    case (.replace, .mle): return "σ²"
    default: return "E σ̂²ᵢ + E (μ̂ᵢ − μ)² (exact recursion)"
    }
  }

  var fittedLaw: String {
    switch (scenario.scheme, scenario.estimator) {
    case (.replace, .unbiased): return "σ²"
    case (.replace, .mle): return "σ²((n−1)/n)ⁱ"
    default: return "a_i (exact recursion)"
    }
  }

  var meanErrorLaw: String {
    switch (scenario.scheme, scenario.estimator) {
    case (.replace, .unbiased): return "iσ²/n"
    case (.replace, .mle): return "σ²(1 − ((n−1)/n)ⁱ)"
    case (.accumulate, _): return "Σ_{j<i} a_j/(n(j+1)²)"
    default: return "b_i (exact recursion)"
    }
  }

  func equality(_ id: String, _ statement: String, _ name: String,
    _ estimate: Estimate, _ exact: Double, _ generation: Int,
    control: Bool = false) -> Claim
  {
    Claim(id: id, statement: statement, control: control,
      test: .equals(estimate, exact: exact),
      quantities: [(name, .estimate(estimate, exact: exact)),
        ("generation", .plain(Double(generation)))])
  }

  func agreement(_ id: String, _ statement: String,
    _ values: [(String, Double)]) -> Claim
  {
    var worst = 0.0
    for k in stride(from: 0, to: values.count, by: 2) {
      let a = values[k].1, b = values[k + 1].1
      worst = max(worst, abs(a - b) / max(abs(a), abs(b), .leastNormalMagnitude))
    }
    return Claim(id: id, statement: statement,
      test: .holds(worst <= 1e-12),
      quantities: values.map { ($0.0, Quantity.exactly($0.1)) }
        + [("worstRelativeDifference", .plain(worst))])
  }

  /// A share of chains with the binomial standard error under `null`.
  func proportion(_ share: Double, null p: Double) -> Estimate {
    let n = Double(sample.chains)
    return Estimate(value: share,
      standardError: (p * (1 - p) / n).squareRoot(), samples: n)
  }
}

/// Subscript digits for generation labels (σ̂²₁₂).
func sub(_ i: Int) -> String {
  let digits = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
  return String(i).compactMap { $0.wholeNumberValue.map { digits[$0] } }.joined()
}
