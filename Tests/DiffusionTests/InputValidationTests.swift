import Diffusion
import MonteCarlo
import Testing

@Suite struct InputValidationTests {
  @Test func malformedMixturesThrow() {
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture(weights: [], means: [], variances: [])
    }
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture(weights: [0.5, 0.5], means: [[0], [0, 1]], variances: [1, 1])
    }
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture(weights: [1.5, -0.5], means: [[0], [1]], variances: [1, 1])
    }
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture(weights: [0.5, 0.4], means: [[0], [1]], variances: [1, 1])
    }
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture(weights: [1], means: [[0]], variances: [0])
    }
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture(weights: [1], means: [[.nan]], variances: [1])
    }
  }

  @Test func impossibleSettingsThrow() throws {
    let data = try twoBumps()
    #expect(throws: DiffusionInputError.self) {
      try ReverseDiffusion(data: data, scoreError: .zero, horizon: 1, stopTime: 2, steps: 10)
    }
    #expect(throws: DiffusionInputError.self) {
      try ReverseDiffusion(data: data, scoreError: .zero, horizon: 1, stopTime: 0.1, steps: 0)
    }
    #expect(throws: DiffusionInputError.self) {
      try ReverseDiffusion(
        data: data, scoreError: .constant(profile: .constant(1), direction: [1, 0], errorScale: 1),
        horizon: 1, stopTime: 0.1, steps: 10)
    }
    #expect(throws: DiffusionInputError.self) {
      try ReverseDiffusion(
        data: data, scoreError: .alongDirection(slope: 1, direction: [0], errorScale: 1),
        horizon: 1, stopTime: 0.1, steps: 10)
    }
    #expect(throws: DiffusionInputError.self) {
      try data.mixed(with: data, freshFraction: 1.2)
    }
    #expect(throws: DiffusionInputError.self) {
      try GaussianMixture.kernelDensity(points: [[0]], bandwidth: 0)
    }
    let noisyStart = try ReverseDiffusion(
      data: data, scoreError: .zero, horizon: 1, stopTime: 0.1, steps: 10, start: .standardNormal)
    #expect(throws: DiffusionInputError.self) {
      try noisyStart.endpointEstimates(
        outerSamples: 10, innerPaths: 2, runner: BlockRunner(seed: 1, threads: 1))
    }
    let plane = GaussianMixture.standardNormal(dimension: 2)
    #expect(throws: DiffusionInputError.self) { try Divergence.chiSquare(plane, plane) }
    #expect(throws: DiffusionInputError.self) {
      try Divergence.chiSquare(mean: 0, variance: -1, referenceMean: 0, referenceVariance: 1)
    }
  }
}
