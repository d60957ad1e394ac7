import CGSL

/// Order statistics and densities from GSL (`gsl_sort`, `gsl_stats`,
/// `gsl_ran_*_pdf`).
public enum Statistics {
  /// The `fraction`-quantile (0 ≤ fraction ≤ 1) of `values`, by linear
  /// interpolation between order statistics
  /// (`gsl_sort`, `gsl_stats_quantile_from_sorted_data`).
  public static func quantile(_ values: [Double], _ fraction: Double) -> Double {
    precondition(!values.isEmpty && (0...1).contains(fraction))
    var sorted = values
    return sorted.withUnsafeMutableBufferPointer { buffer in
      gsl_sort(buffer.baseAddress, 1, buffer.count)
      return gsl_stats_quantile_from_sorted_data(
        buffer.baseAddress, 1, buffer.count, fraction)
    }
  }

  /// Several quantiles of `values` after one sort.
  public static func quantiles(_ values: [Double], _ fractions: [Double])
    -> [Double]
  {
    var sorted = values
    return sorted.withUnsafeMutableBufferPointer { buffer in
      gsl_sort(buffer.baseAddress, 1, buffer.count)
      return fractions.map {
        gsl_stats_quantile_from_sorted_data(
          buffer.baseAddress, 1, buffer.count, $0)
      }
    }
  }
}

extension Distribution {
  /// The χ²_k density at x (`gsl_ran_chisq_pdf`).
  public static func chiSquareDensity(_ x: Double, degreesOfFreedom k: Double)
    -> Double
  {
    gsl_ran_chisq_pdf(x, k)
  }
}
