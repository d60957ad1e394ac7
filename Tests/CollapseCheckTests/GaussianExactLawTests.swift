import Foundation
import Testing

@testable import GaussianVarianceGrowth
@testable import GSL

/// The exact law of Gaussian refitting against independent computations.
/// Tolerance 1e-12 relative unless said otherwise: both sides are
/// deterministic and differ only by rounding.
@Suite struct GaussianExactLawTests {
  func relative(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(a), abs(b))
  }

  @Test func replaceRecursionMatchesClosedForms() {
    for estimator in RefitScenario.Estimator.allCases {
      let law = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 7,
        generations: 300, estimator: estimator))
      for i in [1, 2, 50, 300] {
        #expect(relative(law.meanFittedVariance[i - 1],
          law.closedFormMeanFittedVariance(i)) < 1e-12)
        #expect(relative(law.meanSquaredMeanError[i - 1],
          law.closedFormMeanSquaredMeanError(i)) < 1e-12)
      }
    }
  }

  /// The predictive-variance laws themselves: σ²(1 + i/n) and σ².
  @Test func predictiveVarianceLaws() {
    let unbiased = ExactLaw(RefitScenario(name: "t", variance: 2.5,
      samplesPerGeneration: 40, generations: 100))
    let mle = ExactLaw(RefitScenario(name: "t", variance: 2.5,
      samplesPerGeneration: 40, generations: 100, estimator: .mle))
    for i in [1, 10, 100] {
      #expect(relative(unbiased.predictiveVariance(i), 2.5 * (1 + Double(i) / 40)) < 1e-12)
      #expect(relative(mle.predictiveVariance(i), 2.5) < 1e-12)
    }
  }

  @Test func logMomentsAgreeWithQuadrature() throws {
    for n in [2, 3, 10, 100, 1000] {
      let law = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: n))
      let special = try law.logChiSquareMoments()
      let quadrature = try law.logChiSquareMomentsByQuadrature()
      #expect(relative(special.mean, quadrature.mean) < 1e-12)
      #expect(relative(special.variance, quadrature.variance) < 1e-12)
      #expect(try law.logDrift() < 0)  // Jensen
    }
  }

  @Test func collapsedShareCDFAgreesWithQuadrature() throws {
    let law = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 10))
    #expect(relative(law.collapsedShareAtFirst,
      try law.collapsedShareAtFirstByQuadrature()) < 1e-12)
  }

  /// Gil-Pelaez inversion at i = 1 against GSL's χ² CDF, to 10⁻¹⁰
  /// absolute (the quadrature's tolerance, 10⁻¹² relative to an integral
  /// of order 1, plus the cancellation in ½ − ∫).
  @Test(arguments: [2, 3, 10, 100])
  func collapsedShareInversionMatchesChiSquareCDF(n: Int) throws {
    for estimator in RefitScenario.Estimator.allCases {
      let law = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: n,
        estimator: estimator))
      #expect(abs(try law.collapsedShare(1) - law.collapsedShareAtFirst) < 1e-10)
    }
  }

  /// The Chernoff bound is a valid lower bound (below the share a large
  /// simulation gives) and tends to 1.
  @Test func chernoffBoundIsBelowOneAndGrows() throws {
    let law = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 10,
      generations: 1000))
    let b200 = try law.collapseChernoffBound(200)
    let b1000 = try law.collapseChernoffBound(1000)
    #expect(b200 > 0.95 && b200 < 1)
    #expect(b1000 > b200)
    #expect(try law.collapsedShare(200) > b200)
    #expect(try law.collapsedShare(1000) > b1000)
    let shares = try [1, 10, 50, 200].map { try law.collapsedShare($0) }
    #expect(shares == shares.sorted())
    #expect(try law.collapseChernoffBound(1) == 0)
  }

  /// Mixing with α = 0 is `replace`; with α = 1 every fit sees fresh data.
  @Test func mixRecursionLimits() throws {
    let none = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 20,
      generations: 30, scheme: .mix, freshFraction: 0))
    #expect(relative(none.predictiveVariance(30), 1 + 30.0 / 20) < 1e-12)
    let all = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 20,
      generations: 30, scheme: .mix, freshFraction: 1))
    #expect(relative(all.meanSquaredMeanError[29], 1.0 / 20) < 1e-12)
    #expect(relative(all.meanFittedVariance[29], 1) < 1e-12)

    let mix = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 100,
      generations: 50, scheme: .mix, freshFraction: 0.2))
    let fixed = try mix.mixFixedPoint()
    let far = ExactLaw.mixRecursion(mix.scenario, generations: 20_000)
    #expect(fixed.spectralRadius < 1)
    #expect(relative(fixed.a, far.0.last!) < 1e-12)
    #expect(relative(fixed.b, far.1.last!) < 1e-12)
    // b∞ ≈ σ²/(n (1 − (1 − α)²)) to leading order in 1/n.
    #expect(abs(fixed.b * 100 * 0.36 - 1) < 0.02)
  }

  @Test func accumulationMeanErrorTwoRoutesAndBound() {
    let law = ExactLaw(RefitScenario(name: "t", samplesPerGeneration: 30,
      generations: 500, scheme: .accumulate))
    for i in [1, 2, 17, 500] {
      #expect(relative(law.meanSquaredMeanError[i - 1],
        law.accumulateMeanErrorBySums(i)) < 1e-12)
    }
    #expect(law.meanSquaredMeanError.allSatisfy { $0 < law.accumulateBound })
    #expect(law.meanSquaredMeanError[499] > 0.95 * law.accumulateBound)
  }
}
