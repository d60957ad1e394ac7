import Foundation
import GSL
import Harness

/// The per-generation series of a refitting scenario, for the CSV, the JSON
/// and the figures: exact values, Monte Carlo means and standard errors,
/// and quantiles of σ̂²ᵢ. Values the scheme has no closed form for are NaN
/// (empty in the CSV, `null` in the JSON).
enum RefitSeries {
  static func make(_ check: RefitCheck) throws -> Series {
    let law = check.law
    let generations = 1...check.scenario.generations
    let moments = check.sample.generations
    let replace = check.isReplace

    var columns: [(String, [Double])] = [
      ("generation", generations.map(Double.init)),
      ("exactPredictiveVariance", generations.map(law.predictiveVariance)),
      ("predictiveVariance", moments.map(\.predictive.variance)),
      ("predictiveVarianceStderr",
       moments.map(\.predictive.varianceEstimate.standardError)),
      ("exactMeanFittedVariance", law.meanFittedVariance),
      ("meanFittedVariance", moments.map(\.fittedVariance.mean)),
      ("meanFittedVarianceStderr",
       moments.map(\.fittedVariance.meanEstimate.standardError)),
      ("exactMeanSquaredMeanError", law.meanSquaredMeanError),
      ("meanSquaredMeanError", moments.map(\.squaredMeanError.mean)),
      ("meanSquaredMeanErrorStderr",
       moments.map(\.squaredMeanError.meanEstimate.standardError)),
      ("exactMeanLogFittedVariance", try generations.map { i in
        replace ? try law.meanLogFittedVariance(i) : .nan
      }),
      ("meanLogFittedVariance", moments.map(\.logFittedVariance.mean)),
      ("meanLogFittedVarianceStderr",
       moments.map(\.logFittedVariance.meanEstimate.standardError)),
      ("collapsedShare", moments.map(\.collapsed.mean)),
      ("tailFactor", generations.map { i in
        replace ? law.fittedVarianceKurtosis(i) : .nan
      }),
    ]
    let fractions = [0.1, 0.5, 0.9]
    let quantiles = check.sample.fittedVarianceSample.map {
      Statistics.quantiles($0, fractions)
    }
    for (k, fraction) in fractions.enumerated() {
      columns.append(("fittedVarianceQ\(Int(fraction * 100))", quantiles.map { $0[k] }))
    }
    return Series(columns)
  }
}
