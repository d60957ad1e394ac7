import CGSL

/// Random variates drawn from a `RandomStream` with GSL's samplers.
///
/// The samplers are `@inlinable` so that sampling loops in other modules
/// call GSL directly, without a Swift call in between.
extension RandomStream {
  /// A uniform draw on [0, 1) (`gsl_rng_uniform`).
  @inlinable
  public func uniform() -> Double { gsl_rng_uniform(state) }

  /// A draw from N(mean, σ²) with σ = `standardDeviation`, by GSL's
  /// Marsaglia–Tsang ziggurat (`gsl_ran_gaussian_ziggurat`). Cost: about
  /// one generator call per draw.
  @inlinable
  public func gaussian(mean: Double = 0, standardDeviation: Double = 1)
    -> Double
  {
    mean + gsl_ran_gaussian_ziggurat(state, standardDeviation)
  }

  /// A χ² draw with `degreesOfFreedom` > 0 (`gsl_ran_chisq`).
  @inlinable
  public func chiSquare(degreesOfFreedom: Double) -> Double {
    gsl_ran_chisq(state, degreesOfFreedom)
  }

  /// A Gamma(shape, scale) draw, shape and scale > 0 (`gsl_ran_gamma`).
  @inlinable
  public func gamma(shape: Double, scale: Double) -> Double {
    gsl_ran_gamma(state, shape, scale)
  }
}
