import Foundation
import GSL

/// The exact law of the refitting chain (THEORY.md §8), generation by
/// generation, by closed forms where they exist and exact recursions
/// elsewhere.
///
/// Notation: n samples per fit, k = n − 1 degrees of freedom, d the divisor
/// of the sum of squares (n − 1 unbiased, n maximum likelihood); a_i = E σ̂²ᵢ
/// and b_i = E (μ̂ᵢ − μ)² for generations i = 1…G. A fresh sample of model i
/// has Var Ŷᵢ = a_i + b_i (law of total variance, since E μ̂ᵢ = μ).
struct ExactLaw {
  let scenario: RefitScenario
  /// a_i, index i − 1.
  let meanFittedVariance: [Double]
  /// b_i, index i − 1.
  let meanSquaredMeanError: [Double]

  init(_ scenario: RefitScenario) {
    self.scenario = scenario
    switch scenario.scheme {
    case .replace, .mix:
      (meanFittedVariance, meanSquaredMeanError) =
        ExactLaw.mixRecursion(scenario, generations: scenario.generations)
    case .accumulate:
      (meanFittedVariance, meanSquaredMeanError) =
        ExactLaw.accumulateRecursion(scenario)
    }
  }

  var sigma2: Double { scenario.variance }
  var n: Double { scenario.n }
  var degrees: Double { n - 1 }
  var divisor: Double { scenario.estimator == .unbiased ? n - 1 : n }

  /// Var Ŷᵢ = a_i + b_i.
  func predictiveVariance(_ i: Int) -> Double {
    meanFittedVariance[i - 1] + meanSquaredMeanError[i - 1]
  }
}

// MARK: - Mixing fresh and synthetic samples

extension ExactLaw {
  /// The recursion for (a_i, b_i) when each fit pools f fresh samples of
  /// N(μ, σ²) with s = n − f samples of the previous model N(μ̂, σ̂²).
  ///
  /// Conditionally on the previous model, with δ = μ̂ − μ and v = σ̂²:
  ///
  ///     E[μ̂′ − μ | ·]   = (s/n) δ
  ///     Var[μ̂′ | ·]     = (f σ² + s v)/n²
  ///     E[SS′ | ·]      = (f σ² + s v)(n − 1)/n + s f δ²/n
  ///
  /// so, taking expectations,
  ///
  ///     b′ = (s/n)² b + (f σ² + s a)/n²
  ///     a′ = E[SS′]/d
  ///
  /// Generation 1 sees n real samples: the same step from (a, b) = (σ², 0)
  /// with f = n. `replace` is the case f = 0. Cost: O(G).
  static func mixRecursion(_ scenario: RefitScenario, generations: Int)
    -> ([Double], [Double])
  {
    var a = [Double](), b = [Double]()
    var (previousA, previousB) = (scenario.variance, 0.0)
    for i in 1...generations {
      let f = i == 1 ? scenario.samplesPerGeneration : scenario.freshCount
      (previousA, previousB) = mixStep(
        scenario, fresh: f, a: previousA, b: previousB)
      a.append(previousA)
      b.append(previousB)
    }
    return (a, b)
  }

  /// One step of `mixRecursion`.
  static func mixStep(_ scenario: RefitScenario, fresh: Int, a: Double,
    b: Double) -> (a: Double, b: Double)
  {
    let n = scenario.n, f = Double(fresh), s = n - f
    let sigma2 = scenario.variance
    let pooled = f * sigma2 + s * a
    let sumOfSquares = pooled * (n - 1) / n + s * f * b / n
    let divisor = scenario.estimator == .unbiased ? n - 1 : n
    return (sumOfSquares / divisor, (s / n) * (s / n) * b + pooled / (n * n))
  }

  /// The fixed point (a∞, b∞) of the mixing recursion, solving the 2 × 2
  /// linear system (I − A) x = c by LU decomposition
  /// (`gsl_linalg_LU_solve`), and the spectral radius of A, which must be
  /// below 1 for the recursion to converge to it.
  func mixFixedPoint() throws -> (a: Double, b: Double, spectralRadius: Double) {
    let n = scenario.n, f = Double(scenario.freshCount), s = n - f
    let divisor = self.divisor
    // a′ = A₁₁ a + A₁₂ b + c₁,  b′ = A₂₁ a + A₂₂ b + c₂.
    let a11 = s * (n - 1) / (n * divisor), a12 = s * f / (n * divisor)
    let a21 = s / (n * n), a22 = (s / n) * (s / n)
    let c1 = f * sigma2 * (n - 1) / (n * divisor), c2 = f * sigma2 / (n * n)
    let x = try LinearAlgebra.solve([[1 - a11, -a12], [-a21, 1 - a22]], [c1, c2])
    let trace = a11 + a22, det = a11 * a22 - a12 * a21
    let disc = (trace * trace / 4 - det).squareRoot()
    return (x[0], x[1], max(abs(trace / 2 + disc), abs(trace / 2 - disc)))
  }
}

// MARK: - Accumulating all samples

extension ExactLaw {
  /// The recursion for accumulation: fit i pools N_i = i n samples, the n
  /// real ones and n drawn from each of models 1…i − 1.
  ///
  /// Adding a batch of n draws of model i (whose mean is the pooled mean)
  /// to the pooled sum of squares SS_i adds its within-batch sum of squares
  /// and the between term N_i n/(N_i + n) · (ḡ − μ̂ᵢ)², so
  ///
  ///     E SS_{i+1} = E SS_i + a_i (n − 1 + i/(i + 1)),   E SS_1 = (n − 1) σ²
  ///
  /// with a_i = E SS_i / d_i (d_i = N_i − 1 or N_i). The pooled mean's
  /// error obeys e_{i+1} = e_i + w_i/(i + 1) with uncorrelated increments
  /// of variance a_i/n (a_0 = σ², the real data), so
  ///
  ///     b_i = Σ_{j=0}^{i−1} a_j / (n (j + 1)²) < (π²/6) σ²/n
  ///
  /// because a_j ≤ σ² (the recursion only shrinks a). Cost: O(G).
  static func accumulateRecursion(_ scenario: RefitScenario)
    -> ([Double], [Double])
  {
    let n = scenario.n, sigma2 = scenario.variance
    var a = [Double](), b = [Double]()
    var sumOfSquares = (n - 1) * sigma2
    var meanError = sigma2 / n  // the j = 0 term: real data
    for i in 1...scenario.generations {
      let pooled = Double(i) * n
      let divisor = scenario.estimator == .unbiased ? pooled - 1 : pooled
      let ai = sumOfSquares / divisor
      a.append(ai)
      b.append(meanError)
      sumOfSquares += ai * (n - 1 + Double(i) / Double(i + 1))
      meanError += ai / (n * Double((i + 1) * (i + 1)))
    }
    return (a, b)
  }

  /// A second route to b_i under accumulation, through the pooled sum
  /// T_i = i e_i: T_{i+1} = T_i (i + 1)/i + w_i, so
  /// Var T_{i+1} = ((i + 1)/i)² Var T_i + a_i/n and b_i = Var T_i / i².
  func accumulateMeanErrorBySums(_ i: Int) -> Double {
    var varianceT = sigma2 / n  // T_1 = w_0
    for j in 1..<max(i, 1) {
      let ratio = Double(j + 1) / Double(j)
      varianceT = ratio * ratio * varianceT + meanFittedVariance[j - 1] / n
    }
    return varianceT / Double(i * i)
  }

  /// The accumulation bound (π²/6) σ²/n on E (μ̂ᵢ − μ)².
  var accumulateBound: Double { Double.pi * Double.pi / 6 * sigma2 / n }
}
