import Foundation
import Testing

@testable import GSL

/// The GSL wrapper against values known independently of GSL.
@Suite struct GSLWrapperTests {
  /// The reference Mersenne Twister (Matsumoto–Nishimura, init_genrand)
  /// seeded with 5489 starts with 3499211612, and its 10000th output is
  /// 4123659995 (the value the C++ standard requires of std::mt19937).
  @Test func mersenneTwisterMatchesGoldenStream() {
    let stream = RandomStream(rawSeed: 5489)
    #expect(stream.nextRaw() == 3_499_211_612)
    for _ in 2..<10_000 { _ = stream.nextRaw() }
    #expect(stream.nextRaw() == 4_123_659_995)
  }

  @Test func derivedStreamsAreReproducibleAndDistinct() {
    let a = RandomStream(seed: 7, stream: 3), b = RandomStream(seed: 7, stream: 3)
    #expect((0..<100).map { _ in a.nextRaw() } == (0..<100).map { _ in b.nextRaw() })
    let seeds = Set((0..<1000).map { RandomStream.derivedSeed(seed: 7, stream: $0) })
    #expect(seeds.count == 1000)
    #expect(RandomStream.derivedSeed(seed: 7, stream: 0)
      != RandomStream.derivedSeed(seed: 8, stream: 0))
  }

  /// Tolerance: GSL's own error estimate must cover the true error, and be
  /// small (the requested relative tolerance is 1e-12).
  @Test func quadratureMatchesKnownIntegrals() throws {
    let sine = try Quadrature.qag({ sin($0) }, from: 0, to: .pi)
    #expect(abs(sine.value - 2) <= max(sine.absoluteError, 4e-16))
    #expect(sine.absoluteError < 1e-10)

    // ∫₀¹ x^(−1/2) dx = 2: an end-point singularity, for QAGS.
    let singular = try Quadrature.qags({ 1 / $0.squareRoot() }, from: 0, to: 1)
    #expect(abs(singular.value - 2) <= max(singular.absoluteError, 1e-15))
    #expect(singular.absoluteError < 1e-10)

    // ∫ e^(−x²) dx over ℝ = √π, for QAGI.
    let gauss = try Quadrature.qagi({ exp(-$0 * $0) })
    #expect(abs(gauss.value - Double.pi.squareRoot()) <= max(gauss.absoluteError, 1e-15))
    #expect(gauss.absoluteError < 1e-10)

    // ∫₀¹ log x dx = −1 with an infinite integrand at 0, for CQUAD.
    let logarithm = try Quadrature.cquad({ log($0) }, from: 0, to: 1)
    #expect(abs(logarithm.value + 1) <= max(logarithm.absoluteError, 1e-14))
    #expect(logarithm.absoluteError < 1e-9)
    #expect(logarithm.evaluations > 0)
  }

  @Test func quadratureFailureIsATypedError() {
    // ∫₀¹ 1/x diverges: GSL reports an error instead of aborting.
    #expect(throws: GSLError.self) {
      try Quadrature.qags({ 1 / $0 }, from: 0, to: 1, limit: 50)
    }
  }

  /// ψ(1) = −γ, ψ(½) = −γ − 2 log 2, ψ′(1) = π²/6, ψ′(½) = π²/2,
  /// log Γ(5) = log 24 (Abramowitz and Stegun 6.3.2, 6.3.3, 6.4.2, 6.4.4).
  @Test func specialFunctionsMatchClosedForms() throws {
    let gamma = 0.577_215_664_901_532_860_6
    #expect(abs(try Special.digamma(1) + gamma) < 1e-15)
    #expect(abs(try Special.digamma(0.5) + gamma + 2 * log(2.0)) < 1e-15)
    #expect(abs(try Special.trigamma(1) - .pi * .pi / 6) < 1e-15)
    #expect(abs(try Special.trigamma(0.5) - .pi * .pi / 2) < 1e-14)
    #expect(abs(try Special.logGamma(5) - log(24.0)) < 1e-14)
    #expect(throws: GSLError.self) { try Special.digamma(0) }
  }

  @Test func brentFindsSquareRootOfTwo() throws {
    let root = try RootFinding.brent({ $0 * $0 - 2 }, lower: 0, upper: 2)
    #expect(abs(root - 2.0.squareRoot()) < 1e-14)
    #expect(throws: GSLError.self) {
      try RootFinding.brent({ $0 * $0 + 1 }, lower: 0, upper: 2)
    }
  }

  @Test func linearAlgebraSolvesExactSystems() throws {
    let x = try LinearAlgebra.solve([[2, 1], [1, 3]], [3, 5])
    #expect(abs(x[0] - 0.8) < 1e-15 && abs(x[1] - 1.4) < 1e-15)
    #expect(throws: GSLError.self) {
      try LinearAlgebra.solve([[1, 2], [2, 4]], [1, 1])
    }
    // y = 1 + 2x exactly: least squares recovers (1, 2) with zero residual.
    let xs = (0..<10).map(Double.init)
    let fit = try LinearAlgebra.leastSquares(
      design: xs.map { [1, $0] }, response: xs.map { 1 + 2 * $0 })
    #expect(abs(fit.coefficients[0] - 1) < 1e-12)
    #expect(abs(fit.coefficients[1] - 2) < 1e-12)
    #expect(fit.residualSumOfSquares < 1e-20)
  }

  @Test func quantilesInterpolateOrderStatistics() {
    #expect(Statistics.quantile([3, 1, 2, 4], 0.5) == 2.5)
    #expect(Statistics.quantiles([5, 1, 3], [0, 1]) == [1, 5])
  }

  @Test func normalQuantilesInvertTheCDF() {
    #expect(abs(Distribution.normalQuantile(0.975) - 1.959_963_984_540_054) < 1e-12)
    #expect(abs(Distribution.normalCDF(0) - 0.5) < 1e-16)
    #expect(abs(Distribution.chiSquareCDF(2, degreesOfFreedom: 2) - (1 - exp(-1))) < 1e-15)
  }
}
