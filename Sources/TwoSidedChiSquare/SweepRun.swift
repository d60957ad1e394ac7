import Diffusion
import DiffusionChecks
import Foundation
import Harness
import MonteCarlo

/// Computes every point of a sweep.
enum SweepRun {
  /// Point j uses streams base + j·2¹³ (paths) and base + j·2¹³ + 2¹²
  /// (nested estimator): 120 points at most fit in a stage's 2²⁰ streams.
  static func points(_ scenario: SweepScenario, context: CheckContext) throws
    -> [SweepPoint]
  {
    let error = scenario.error
    let unit = try scenario.base.sampler(error, scale: 1).pathEnergy()
    let scales = try scenario.scales(unitEnergy: unit.value)
    let gaussian = GaussianCase(scenario.base, error)
    let eta = try gaussian?.exactObservability()
    return try scales.enumerated().map { j, scale in
      let sampler = try scenario.base.sampler(error, scale: scale)
      let base = context.streamBase + UInt64(j) << 13
      let paths = sampler.simulate(paths: scenario.base.paths * context.sampleScale,
        runner: context.runner, streamBase: base, recordPaths: true)
      let moments = SweepPoint.moments(paths)
      if let gaussian, let eta {
        return try .exact(gaussian, scale: scale, eta: eta,
          moments: (moments.exponential, moments.quadratic))
      }
      return try .nested(sampler, scenario: scenario.base, scale: scale, context: context,
        streams: base + 1 << 12, moments: (moments.exponential, moments.quadratic),
        learnedEnergy: moments.learned)
    }
  }
}
