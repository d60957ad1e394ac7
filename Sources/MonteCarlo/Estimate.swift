import GSL

/// A Monte Carlo estimate: a value, its standard error and the number of
/// samples behind it. Exact values are estimates with zero standard error.
public struct Estimate: Equatable, Sendable {
  public var value: Double
  public var standardError: Double
  public var samples: Double

  public init(value: Double, standardError: Double, samples: Double) {
    self.value = value
    self.standardError = standardError
    self.samples = samples
  }

  /// An exactly known value.
  public static func exact(_ value: Double) -> Estimate {
    Estimate(value: value, standardError: 0, samples: .infinity)
  }

  /// The two-sided normal confidence interval at level 1 − `alpha`:
  /// value ± z₁₋α/₂ · standardError, with z from `gsl_cdf_ugaussian_Pinv`.
  public func confidenceInterval(alpha: Double) -> ClosedRange<Double> {
    let z = Distribution.normalQuantile(1 - alpha / 2)
    return (value - z * standardError)...(value + z * standardError)
  }

  /// The difference of two independent estimates.
  public static func - (a: Estimate, b: Estimate) -> Estimate {
    Estimate(value: a.value - b.value,
      standardError: (a.standardError * a.standardError
        + b.standardError * b.standardError).squareRoot(),
      samples: min(a.samples, b.samples))
  }

  /// An estimate scaled by a constant.
  public static func * (c: Double, a: Estimate) -> Estimate {
    Estimate(value: c * a.value, standardError: abs(c) * a.standardError,
      samples: a.samples)
  }
}
