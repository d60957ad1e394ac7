import Foundation
import Harness
import MonteCarlo

/// Claims special to `replace`: second routes to the closed forms, and the
/// collapse of every chain measured against its exact probability.
extension RefitCheck {
  /// The share of chains with σ̂²ᵢ < σ²/10 against its exact value (Gil-Pelaez
  /// inversion), tested with the binomial standard error under the exact
  /// value. Made only where both N p and N (1 − p) are at least 10, so the
  /// normal approximation of the binomial holds.
  mutating func collapseClaim(at i: Int) throws {
    let exact = try law.collapsedShare(i)
    let n = Double(baseChains)
    guard n * exact >= 10, n * (1 - exact) >= 10 else {
      notes.append("generation \(i): collapsed share not checked by Monte Carlo: "
        + "its exact value \(short(exact)) gives fewer than 10 expected chains "
        + "on one side with N = \(baseChains).")
      return
    }
    let share = sample.generations[i - 1].collapsed.mean
    claims.append(equality("collapsed-share@\(i)",
      "P(σ̂²\(sub(i)) < σ²/10) = Gil-Pelaez inversion of φ_L(t)ⁱ", "collapsedShare",
      proportion(share, null: exact), exact, i))
  }

  /// Second routes to the closed forms, and the Chernoff bound on collapse.
  mutating func replaceClaims() throws {
    let closedA = law.closedFormMeanFittedVariance(g)
    let closedB = law.closedFormMeanSquaredMeanError(g)
    claims.append(agreement("closed-form-vs-recursion",
      "E σ̂²_G and Var μ̂_G: closed form = exact recursion (10⁻¹² relative)",
      [("closedFormMeanFittedVariance", closedA),
       ("recursionMeanFittedVariance", law.meanFittedVariance[g - 1]),
       ("closedFormMeanSquaredMeanError", closedB),
       ("recursionMeanSquaredMeanError", law.meanSquaredMeanError[g - 1])]))

    let psi = try law.logChiSquareMoments()
    let routes = try law.logChiSquareMomentsByQuadrature()
    claims.append(agreement("digamma-vs-quadrature",
      "E log χ²_{n−1} = ψ((n−1)/2) + log 2 and Var log χ²_{n−1} = ψ′((n−1)/2):"
        + " special functions = quadrature of the density",
      [("meanLogChiSquare", psi.mean), ("meanLogChiSquareByQuadrature", routes.mean),
       ("varianceLogChiSquare", psi.variance),
       ("varianceLogChiSquareByQuadrature", routes.variance)]))

    let cdf = law.collapsedShareAtFirst
    claims.append(agreement("collapsed-share-cdf-vs-quadrature",
      "P(χ²_{n−1} < d/10): gsl_cdf_chisq_P = quadrature of the density",
      [("collapsedShareAtFirst", cdf),
       ("collapsedShareAtFirstByQuadrature", try law.collapsedShareAtFirstByQuadrature())]))
    let inverted = try law.collapsedShare(1)
    claims.append(Claim(id: "collapsed-share-inversion-vs-cdf",
      statement: "P(σ̂²₁ < σ²/10): Gil-Pelaez inversion = gsl_cdf_chisq_P (10⁻¹⁰ absolute)",
      test: .holds(abs(inverted - cdf) <= 1e-10),
      quantities: [("inversion", .exactly(inverted)), ("cdf", .exactly(cdf)),
        ("absoluteDifference", .plain(abs(inverted - cdf)))]))

    let bound = try law.collapseChernoffBound(g)
    let exact = try law.collapsedShare(g)
    claims.append(Claim(id: "chernoff-bound@\(g)",
      statement: "P(σ̂²_G < σ²/10) ≥ 1 − inf_θ e^{GΛ(θ)+θ log 10} (Chernoff), while "
        + "E σ̂²_G = \(short(law.meanFittedVariance[g - 1]))",
      test: .holds(exact >= bound),
      quantities: [("collapsedShare", .exactly(exact)),
        ("chernoffBound", .exactly(bound)), ("generation", .plain(Double(g)))]))
    if bound == 0 {
      notes.append("The Chernoff bound at G is trivial (0): the walk's mean "
        + "\(short(try law.meanLogFittedVariance(g) - log(scenario.variance))) "
        + "is still above log(1/10); run more generations to see every chain collapse.")
    }
  }
}
