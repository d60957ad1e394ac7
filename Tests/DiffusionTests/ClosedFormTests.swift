import Diffusion
import GSL
import MonteCarlo
import Testing
import Foundation

@Suite struct ClosedFormTests {
  @Test func propagatorIsTheExponentialOfTheIdealDriftSlope() throws {
    let model = try GaussianConstantError(
      dataVariance: 0.3, profile: .constant(1), errorScale: 1, stopTime: 0.1, horizon: 3)
    for t in [0.1, 0.5, 2.0, 3.0] {
      let slope = try Quadrature.qag(
        { u in 0.5 - 1 / model.variance(at: u) }, from: 0.1, to: t)
      expectClose(log(model.propagator(from: t)), slope.value, tolerance: 1e-10, "log Φ(t₀, \(t))")
    }
  }

  @Test func constantErrorSummaryIsInternallyConsistent() throws {
    let s = try GaussianConstantError(
      dataVariance: 0.5, profile: .constant(0.7), errorScale: 0.3, stopTime: 0.05, horizon: 2
    ).summary()
    expectClose(s.pathEnergy, 0.09 * 0.49 * 1.95, tolerance: 1e-12, "ε² = λ² b² (T − t₀)")
    expectClose(s.chiSquare, expm1(s.observability * s.pathEnergy), tolerance: 1e-14, "χ²")
    expectClose(s.klDivergence, 0.5 * s.observability * s.pathEnergy, tolerance: 1e-14, "KL")
    #expect(s.observability > 0 && s.observability <= 1)
  }

  @Test func eulerMaruyamaSummaryConvergesToTheContinuousOne() throws {
    let model = try GaussianConstantError(
      dataVariance: 0.25, profile: .constant(1), errorScale: 0.4, stopTime: 0.05, horizon: 2)
    let continuous = try model.summary().observability
    let coarse = abs(model.eulerMaruyamaSummary(steps: 100).observability - continuous)
    let fine = abs(model.eulerMaruyamaSummary(steps: 400).observability - continuous)
    // First order in h: four times the steps, about a quarter of the gap.
    #expect(fine < 0.4 * coarse)
  }

  @Test func linearModelWithoutErrorEndsAtTheSmoothedData() throws {
    let model = try GaussianLinearError(
      dataMean: 0.7, dataVariance: 0.3, slope: 1, offset: .constant(0.5), errorScale: 0,
      stopTime: 0.05, horizon: 2)
    let endpoint = try model.learnedEndpoint()
    let target = model.smoothedData(at: 0.05)
    expectClose(endpoint.mean, target.mean, tolerance: 1e-9, "mean of Y_{t₀}")
    expectClose(endpoint.variance, target.variance, tolerance: 1e-9, "variance of Y_{t₀}")
    expectClose(try model.chiSquare().value, 0, tolerance: 1e-9, "χ² = 0 without error")
  }

  @Test func linearModelWithZeroSlopeIsTheConstantModel() throws {
    let linear = try GaussianLinearError(
      dataMean: 0, dataVariance: 0.25, slope: 0, offset: .constant(1), errorScale: 0.4,
      stopTime: 0.05, horizon: 2)
    let constant = try GaussianConstantError(
      dataVariance: 0.25, profile: .constant(1), errorScale: 0.4, stopTime: 0.05, horizon: 2
    ).summary()
    let endpoint = try linear.learnedEndpoint()
    expectClose(endpoint.mean, -constant.endpointShift, tolerance: 1e-9, "shift −m")
    expectClose(try linear.chiSquare().value, constant.chiSquare, tolerance: 1e-9, "χ²")
    expectClose(try linear.klDivergence(), constant.klDivergence, tolerance: 1e-9, "KL")
    expectClose(try linear.pathEnergy(), constant.pathEnergy, tolerance: 1e-9, "ε²")
  }

  @Test func eulerMaruyamaLawOfTheLinearModelConvergesToTheContinuousLaw() throws {
    let model = try GaussianLinearError(
      dataMean: 0.5, dataVariance: 0.4, slope: 0.8, offset: .constant(0.3), errorScale: 0.6,
      stopTime: 0.05, horizon: 2)
    let continuous = try model.learnedEndpoint()
    let discrete = model.eulerMaruyamaEndpoint(steps: 4000)
    // Weak order 1: with h ≈ 5e-4 the moments agree to a few 1e-4.
    expectClose(discrete.mean, continuous.mean, tolerance: 2e-3, "mean")
    expectClose(discrete.variance, continuous.variance, tolerance: 2e-3, "variance")
  }
}
