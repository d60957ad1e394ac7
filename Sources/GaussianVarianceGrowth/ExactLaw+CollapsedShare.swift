import Foundation
import GSL

/// The exact share of collapsed chains under `replace`, by inverting the
/// characteristic function of the log-variance walk.
extension ExactLaw {
  /// P(σ̂²ᵢ < σ²/10), exactly, for every generation i.
  ///
  /// Sᵢ = log(σ̂²ᵢ/σ²) is a sum of i independent copies of L = log(χ²_k/d),
  /// whose characteristic function is
  ///
  ///     φ_L(t) = E (χ²_k/d)^{it} = (2/d)^{it} Γ(k/2 + it)/Γ(k/2),
  ///
  /// so φ_S = φ_Lⁱ. Gil-Pelaez's inversion formula gives, with a = −log 10,
  ///
  ///     P(Sᵢ ≤ a) = ½ − (1/π) ∫₀^∞ Im(e^{−ita} φ_S(t)) / t dt
  ///               = ½ − (1/π) ∫₀^∞ |φ_L(t)|ⁱ sin(i arg φ_L(t) − t a) / t dt.
  ///
  /// The phase is taken from `gsl_sf_lngamma_complex_e` modulo 2π, which is
  /// harmless because i is an integer. |φ_L(t)|ⁱ falls like e^{−i ψ′ t²/2}
  /// near 0 and like e^{−iπt/2} far out; the integral (GSL QAG, 61-point
  /// Gauss–Kronrod) runs to where it is below 10⁻³⁰. At i = 1 this equals
  /// `gsl_cdf_chisq_P(d/10, k)`, which the check uses as a second route.
  /// Absolute accuracy about 10⁻¹⁴ (the cancellation in ½ − ∫); the result
  /// is clamped to [0, 1], so shares below that read as 0.
  func collapsedShare(_ i: Int) throws -> Double {
    let k = degrees, d = divisor, a = -log(10.0), g = Double(i)
    let logNormaliser = try Special.logGamma(k / 2)
    func logModulusAndPhase(_ t: Double) -> (Double, Double) {
      guard let lg = try? Special.logGammaComplex(k / 2, t) else { return (.nan, .nan) }
      return (g * (lg.logModulus - logNormaliser),
        g * (t * log(2 / d) + lg.argument))
    }
    var upper = 1.0
    while logModulusAndPhase(upper).0 > -69 { upper *= 2 }
    let integral = try Quadrature.qag({ (t: Double) -> Double in
      let (logModulus, phase) = logModulusAndPhase(t)
      return exp(logModulus) * sin(phase - t * a) / t
    }, from: 0, to: upper, absoluteTolerance: 1e-15, relativeTolerance: 1e-12)
    return min(1, max(0, 0.5 - integral.value / Double.pi))
  }
}
