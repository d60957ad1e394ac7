import Foundation
import GSL

/// Closed forms for `replace`, where σ̂²ᵢ = σ² Π_{j≤i} χ²_{k,j}/d is a product
/// of independent scaled χ² variables (k = n − 1; d = n − 1 or n).
extension ExactLaw {
  /// E σ̂²ᵢ = σ² (k/d)ⁱ: σ² when unbiased, σ² ((n − 1)/n)ⁱ by maximum
  /// likelihood.
  func closedFormMeanFittedVariance(_ i: Int) -> Double {
    sigma2 * pow(degrees / divisor, Double(i))
  }

  /// Var μ̂ᵢ = Σ_{j<i} E σ̂²ⱼ / n: i σ²/n when unbiased, σ² (1 − ρⁱ) with
  /// ρ = (n − 1)/n by maximum likelihood.
  func closedFormMeanSquaredMeanError(_ i: Int) -> Double {
    if scenario.estimator == .unbiased { return Double(i) * sigma2 / n }
    return sigma2 * (1 - pow((n - 1) / n, Double(i)))
  }

  /// E σ̂⁴ᵢ = σ⁴ (E (χ²_k/d)²)ⁱ = σ⁴ (k (k + 2)/d²)ⁱ: ((n + 1)/(n − 1))ⁱ σ⁴
  /// when unbiased, a geometric growth carried by a vanishing set of chains.
  func closedFormMeanSquaredFittedVariance(_ i: Int) -> Double {
    sigma2 * sigma2 * pow(degrees * (degrees + 2) / (divisor * divisor), Double(i))
  }

  /// Var Ŷᵢ: σ² (1 + i/n) when unbiased, exactly σ² by maximum likelihood.
  func closedFormPredictiveVariance(_ i: Int) -> Double {
    closedFormMeanFittedVariance(i) + closedFormMeanSquaredMeanError(i)
  }

  /// The drift of log σ̂² per generation,
  /// E log(χ²_k/d) = ψ(k/2) + log(2/d) (`gsl_sf_psi`): negative by Jensen,
  /// so log σ̂²ᵢ is a random walk drifting to −∞.
  func logDrift() throws -> Double {
    try Special.digamma(degrees / 2) + log(2 / divisor)
  }

  /// Var log(χ²_k) = ψ′(k/2) (`gsl_sf_psi_1`), the step variance of the walk.
  func logStepVariance() throws -> Double {
    try Special.trigamma(degrees / 2)
  }

  /// E log σ̂²ᵢ = log σ² + i (ψ(k/2) + log(2/d)).
  func meanLogFittedVariance(_ i: Int) throws -> Double {
    log(sigma2) + Double(i) * (try logDrift())
  }

  /// Var log σ̂²ᵢ = i ψ′(k/2).
  func varianceLogFittedVariance(_ i: Int) throws -> Double {
    Double(i) * (try logStepVariance())
  }

  /// E log χ²_k = ψ(k/2) + log 2 and Var log χ²_k = ψ′(k/2): the step of
  /// the walk before the shift by log d.
  func logChiSquareMoments() throws -> (mean: Double, variance: Double) {
    (try Special.digamma(degrees / 2) + log(2.0), try logStepVariance())
  }

  /// The second route to `logChiSquareMoments`: GSL quadrature (`qag`) of
  /// log x and its centred square against the χ²_k density, in u = log x,
  /// over a range outside which the density weighs less than e⁻⁴⁰.
  func logChiSquareMomentsByQuadrature() throws
    -> (mean: Double, variance: Double)
  {
    let k = degrees
    func density(_ u: Double) -> Double {
      let x = exp(u)
      return x.isFinite ? Distribution.chiSquareDensity(x, degreesOfFreedom: k) * x : 0
    }
    let spread = 60 * (2 / k).squareRoot() + 40
    let (low, high) = (log(k) - spread, log(k) + spread / 4)
    let mean = try Quadrature.qag({ (u: Double) in u * density(u) },
      from: low, to: high, relativeTolerance: 1e-13).value
    let variance = try Quadrature.qag({ (u: Double) -> Double in
      (u - mean) * (u - mean) * density(u)
    }, from: low, to: high, relativeTolerance: 1e-13).value
    return (mean, variance)
  }

  /// P(σ̂²₁ < σ²/10) = P(χ²_k < d/10) (`gsl_cdf_chisq_P`): the share of
  /// chains already collapsed after one fit.
  var collapsedShareAtFirst: Double {
    Distribution.chiSquareCDF(divisor / 10, degreesOfFreedom: degrees)
  }

  /// The same by QAGS quadrature of the χ²_k density on [0, d/10].
  func collapsedShareAtFirstByQuadrature() throws -> Double {
    try Quadrature.qags({ (x: Double) in
      Distribution.chiSquareDensity(x, degreesOfFreedom: degrees)
    }, from: 0, to: divisor / 10, relativeTolerance: 1e-13).value
  }

  /// A Chernoff lower bound on the collapsed share P(σ̂²ᵢ < σ²/10).
  ///
  /// With Sᵢ = log(σ̂²ᵢ/σ²) a sum of i independent steps and
  /// Λ(θ) = log E (χ²_k/d)^θ = θ log(2/d) + log Γ(k/2 + θ) − log Γ(k/2),
  ///
  ///     P(Sᵢ ≥ −log 10) ≤ exp(i Λ(θ) + θ log 10)   for every θ ≥ 0,
  ///
  /// minimised where i Λ′(θ) = −log 10, i.e. ψ(k/2 + θ) = −log(10)/i −
  /// log(2/d), found by Brent's method (`gsl_root_fsolver_brent`). The bound
  /// is 0 (trivial) while the walk's mean is still above −log 10.
  func collapseChernoffBound(_ i: Int) throws -> Double {
    let k = degrees, d = divisor, level = -log(10.0)
    let target = level / Double(i) - log(2 / d)
    guard try Special.digamma(k / 2) < target else { return 0 }
    var upper = 1.0
    while try Special.digamma(k / 2 + upper) < target { upper *= 2 }
    let theta = try RootFinding.brent({ (theta: Double) -> Double in
      ((try? Special.digamma(k / 2 + theta)) ?? .nan) - target
    }, lower: 0, upper: upper)
    let logMoment = theta * log(2 / d) + (try Special.logGamma(k / 2 + theta))
      - (try Special.logGamma(k / 2))
    return max(0, 1 - exp(Double(i) * logMoment - theta * level))
  }

  /// How heavy the right tail of (σ̂²ᵢ)ᵖ is, as the ratio that decides
  /// whether a Monte Carlo mean of it has a trustworthy standard error:
  ///
  ///     Kᵢ(p) = E σ̂^{8p}ᵢ / (E σ̂^{4p}ᵢ)² = (M(4p) / M(2p)²)ⁱ,
  ///     M(r) = E (χ²_k)^r / k^r · … = Π_{j<r} (k + 2j)   (scale cancels)
  ///
  /// The standard error of a mean of N draws of X = σ̂^{2p} is estimated
  /// from the draws' second moment, whose relative error is about
  /// √(E X⁴/(E X²)²/N) = √(Kᵢ(p)/N). For p = 1,
  /// Kᵢ = ((k + 4)(k + 6)/(k (k + 2)))ⁱ.
  func fittedVarianceKurtosis(_ i: Int, power p: Int = 1) -> Double {
    let k = degrees
    func moment(_ r: Int) -> Double {
      (0..<r).reduce(1.0) { $0 * (k + 2 * Double($1)) / k }
    }
    return pow(moment(4 * p) / (moment(2 * p) * moment(2 * p)), Double(i))
  }
}
