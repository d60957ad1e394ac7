import Diffusion
import MonteCarlo
import Testing

/// Checks |actual − expected| ≤ tolerance and reports both numbers.
func expectClose(
  _ actual: Double, _ expected: Double, tolerance: Double, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    abs(actual - expected) <= tolerance,
    "\(what): got \(actual), expected \(expected) ± \(tolerance)",
    sourceLocation: sourceLocation)
}

/// Checks that a Monte Carlo estimate lies within `z` standard errors (plus
/// an optional allowance for a known deterministic bias) of `expected`.
func expectWithin(
  _ estimate: Estimate, of expected: Double, standardErrors z: Double = 5,
  allowance: Double = 0, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let tolerance = z * estimate.standardError + allowance
  #expect(
    abs(estimate.value - expected) <= tolerance,
    "\(what): got \(estimate.value) ± \(estimate.standardError), expected \(expected)",
    sourceLocation: sourceLocation)
}

/// A two-component mixture on the line used across the tests.
func twoBumps() throws -> GaussianMixture {
  try GaussianMixture(weights: [0.3, 0.7], means: [[-1.5], [1]], variances: [0.36, 0.5])
}
