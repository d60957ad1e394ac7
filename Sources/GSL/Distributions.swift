import CGSL

/// Cumulative distribution functions and quantiles (GSL's `gsl_cdf_*`).
public enum Distribution {
  /// Φ(x), the standard normal CDF (`gsl_cdf_ugaussian_P`).
  public static func normalCDF(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

  /// 1 − Φ(x), accurate in the upper tail (`gsl_cdf_ugaussian_Q`).
  public static func normalUpperTail(_ x: Double) -> Double {
    gsl_cdf_ugaussian_Q(x)
  }

  /// Φ⁻¹(p) for p in (0, 1) (`gsl_cdf_ugaussian_Pinv`).
  public static func normalQuantile(_ p: Double) -> Double {
    gsl_cdf_ugaussian_Pinv(p)
  }

  /// P(χ²_k ≤ x) (`gsl_cdf_chisq_P`).
  public static func chiSquareCDF(_ x: Double, degreesOfFreedom k: Double)
    -> Double
  {
    gsl_cdf_chisq_P(x, k)
  }
}
