import Diffusion
import GSL
import MonteCarlo
import Testing

@Suite struct MixtureAlgebraTests {
  @Test func smoothingComposesAsASemigroup() throws {
    let q = try GaussianMixture(
      weights: [0.2, 0.8], means: [[1, -2], [0.5, 3]], variances: [0.1, 2])
    let twice = q.smoothed(by: 0.3).smoothed(by: 0.5)
    let once = q.smoothed(by: 0.8)
    // Exact algebra; only rounding of exp/expm1 separates the two routes.
    for (a, b) in zip(twice.flatMeans + twice.variances, once.flatMeans + once.variances) {
      expectClose(a, b, tolerance: 1e-14, "U_0.5 U_0.3 = U_0.8")
    }
    #expect(twice.weights == once.weights)
  }

  @Test func standardNormalIsInvariantUnderSmoothing() {
    let n = GaussianMixture.standardNormal(dimension: 2).smoothed(by: 1.7)
    #expect(n.flatMeans == [0, 0])
    expectClose(n.variances[0], 1, tolerance: 1e-15, "U_t N(0, I) = N(0, I)")
  }

  @Test func mixingWeightsAreAlphaAndOneMinusAlpha() throws {
    let data = try twoBumps()
    let model = try GaussianMixture.gaussian(mean: [0.2], variance: 2)
    let refreshed = try data.mixed(with: model, freshFraction: 0.25)
    #expect(refreshed.componentCount == 3)
    for (a, b) in zip(refreshed.weights, [0.075, 0.175, 0.75]) {
      expectClose(a, b, tolerance: 1e-15, "α w_data, (1 − α) w_model")
    }
    #expect(try data.mixed(with: model, freshFraction: 1) == data)
  }

  @Test func scoreMatchesCentralDifferencesOfLogDensity() throws {
    let q = try GaussianMixture(
      weights: [0.2, 0.5, 0.3], means: [[1, -2], [0.5, 3], [-1, 0]], variances: [0.1, 2, 0.7])
    let step = 1e-5
    for point in [[0.3, 0.1], [1.2, -1.5], [-2, 4], [5, -5]] {
      let score = q.score(at: point)
      for i in 0..<2 {
        var up = point, down = point
        up[i] += step
        down[i] -= step
        let difference = (q.logDensity(at: up) - q.logDensity(at: down)) / (2 * step)
        // Truncation O(step²·f‴) ~ 1e-9 plus rounding ~ 1e-16·|log p|/step ~ 1e-10.
        expectClose(score[i], difference, tolerance: 1e-6, "∂ᵢ log p at \(point)")
      }
    }
  }

  @Test func scoreStaysFiniteFarInTheTails() throws {
    let q = try GaussianMixture(weights: [0.5, 0.5], means: [[-1], [1]], variances: [0.01, 0.01])
    let score = q.score(at: [60])
    // The right component dominates: s ≈ (1 − 60)/0.01.
    expectClose(score[0], -5900, tolerance: 1e-6, "tail score by log-sum-exp")
    #expect(q.logDensity(at: [60]).isFinite)
  }

  @Test func sampledMomentsMatchTheExactMoments() throws {
    let q = try twoBumps()
    let stream = RandomStream(seed: 11, stream: 0)
    var moments = Moments()
    for x in q.samples(count: 200_000, using: stream) { moments.add(x) }
    let exactMean = q.mean[0]
    let exactVariance = q.covarianceTrace
    expectWithin(moments.meanEstimate, of: exactMean, "sample mean")
    expectWithin(moments.varianceEstimate, of: exactVariance, "sample variance")
  }

  @Test func kernelDensityPutsEqualWeightsAndBandwidthVariance() throws {
    let kde = try GaussianMixture.kernelDensity(points: [[0], [1], [3], [4]], bandwidth: 0.6)
    #expect(kde.weights == [0.25, 0.25, 0.25, 0.25])
    expectClose(kde.variances[0], 0.36, tolerance: 1e-15, "h²")
    let wider = try kde.convolved(bandwidth: 0.8)
    expectClose(wider.variances[2], 1.0, tolerance: 1e-15, "h² + 0.8²")
  }
}
