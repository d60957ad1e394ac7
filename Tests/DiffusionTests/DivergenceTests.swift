import Diffusion
import GSL
import MonteCarlo
import Testing
import Foundation

@Suite struct DivergenceTests {
  private func density(_ x: Double, _ m: Double, _ v: Double) -> Double {
    exp(-(x - m) * (x - m) / (2 * v)) / (2 * Double.pi * v).squareRoot()
  }

  @Test(arguments: [(0.0, 1.0, 0.0, 1.0), (0.3, 0.8, -0.2, 1.1), (1.0, 1.5, 0.0, 1.0)])
  func gaussianChiSquareMatchesQuadratureOfTheDefinition(
    m1: Double, v1: Double, m2: Double, v2: Double
  ) throws {
    let closed = try Divergence.chiSquare(
      mean: m1, variance: v1, referenceMean: m2, referenceVariance: v2)
    let integral = try Quadrature.qagi(
      { x in
        let p = density(x, m1, v1), q = density(x, m2, v2)
        return q > 0 ? (p - q) * (p - q) / q : 0
      }, absoluteTolerance: 1e-13, relativeTolerance: 1e-10)
    // Both are accurate to ~1e-10 relative; 1e-8 leaves room for qagi.
    expectClose(closed.value, integral.value, tolerance: 1e-8 * max(1, integral.value), "χ²")
  }

  @Test func gaussianKLMatchesQuadratureOfTheDefinition() throws {
    let closed = try Divergence.klDivergence(
      mean: 0.4, variance: 0.7, referenceMean: -0.1, referenceVariance: 1.3)
    let integral = try Quadrature.qagi(
      { x in
        let p = density(x, 0.4, 0.7)
        return p > 0 ? p * log(p / density(x, -0.1, 1.3)) : 0
      }, absoluteTolerance: 1e-13, relativeTolerance: 1e-10)
    expectClose(closed, integral.value, tolerance: 1e-9, "KL")
  }

  @Test func chiSquareIsInfiniteOnceVarianceReachesTwiceTheReference() throws {
    let boundary = try Divergence.chiSquare(
      mean: 0, variance: 2, referenceMean: 0, referenceVariance: 1)
    #expect(!boundary.isFinite)
    let inside = try Divergence.chiSquare(
      mean: 0, variance: 1.99, referenceMean: 0, referenceVariance: 1)
    #expect(inside.isFinite)
  }

  @Test func finitenessTestUsesTheLargestReferenceVariance() throws {
    // The paper's setting: component variance 0.36, kernel variance 0.6² = 0.36.
    let data = try GaussianMixture(weights: [0.5, 0.5], means: [[-2], [2]], variances: [0.36, 0.36])
    let wide = try data.convolved(bandwidth: 0.6)  // variances 0.72 = 2 × 0.36
    #expect(Divergence.chiSquareInfinityReason(wide, reference: data) != nil)
    if case .infinite(let reason) = try Divergence.chiSquare(wide, data) {
      #expect(reason.contains("χ² = ∞"))
    } else {
      Issue.record("χ² of variance 0.72 against 0.36 must be infinite")
    }
    let mixedReference = try data.mixed(
      with: try .gaussian(mean: [0], variance: 0.4), freshFraction: 0.9)
    #expect(Divergence.chiSquareIsFinite(wide, reference: mixedReference))
  }

  @Test func mixtureQuadratureReproducesTheGaussianClosedForm() throws {
    // p is one Gaussian written as two identical components, so the
    // quadrature route runs but the answer is the closed form.
    let p = try GaussianMixture(weights: [0.4, 0.6], means: [[0.5], [0.5]], variances: [0.8, 0.8])
    let q = try GaussianMixture.gaussian(mean: [0], variance: 1)
    let chi = try Divergence.chiSquare(p, q).value
    let exact = try Divergence.chiSquare(
      mean: 0.5, variance: 0.8, referenceMean: 0, referenceVariance: 1).value
    expectClose(chi, exact, tolerance: 1e-9, "χ² by quadrature")
    let kl = try Divergence.klDivergence(p, q).value
    let exactKL = try Divergence.klDivergence(
      mean: 0.5, variance: 0.8, referenceMean: 0, referenceVariance: 1)
    expectClose(kl, exactKL, tolerance: 1e-9, "KL by quadrature")
  }

  @Test func monteCarloAgreesWithQuadratureForMixtures() throws {
    let p = try twoBumps()
    let q = try GaussianMixture(weights: [0.5, 0.5], means: [[-1], [1.2]], variances: [0.5, 0.6])
    let runner = BlockRunner(seed: 5, threads: 2)
    let quadrature = try Divergence.chiSquare(p, q).value
    let sampled = try Divergence.chiSquare(p, q, samples: 40_000, runner: runner).estimate!
    expectWithin(sampled, of: quadrature, "χ² by Monte Carlo")
    let kl = try Divergence.klDivergence(p, q).value
    let klSampled = try Divergence.klDivergence(p, q, samples: 40_000, runner: runner)
    expectWithin(klSampled, of: kl, "KL by Monte Carlo")
  }

  @Test func monteCarloMatchesTheIsotropicClosedFormInThreeDimensions() throws {
    let p = try GaussianMixture(
      weights: [0.5, 0.5], means: [[0.3, 0, -0.2], [0.3, 0, -0.2]], variances: [0.9, 0.9])
    let q = GaussianMixture.standardNormal(dimension: 3)
    let exact = try Divergence.chiSquare(
      mean: [0.3, 0, -0.2], variance: 0.9, referenceMean: [0, 0, 0], referenceVariance: 1)
    let sampled = try Divergence.chiSquare(
      p, q, samples: 40_000, runner: BlockRunner(seed: 8, threads: 2)
    ).estimate!
    expectWithin(sampled, of: exact.value, "3-D χ² by Monte Carlo")
  }
}
