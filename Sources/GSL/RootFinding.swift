import CGSL

/// Root bracketing with GSL's Brent–Dekker solver (`gsl_root_fsolver_brent`).
public enum RootFinding {
  /// A root of `f` in [lower, upper], where f(lower) and f(upper) have
  /// opposite signs. Iterates until the bracket satisfies
  /// `gsl_root_test_interval` with the given tolerances.
  /// - Throws: `GSLError` (`GSL_EINVAL` if the ends do not bracket a root,
  ///   `GSL_EMAXITER` after `maxIterations`).
  public static func brent(
    _ f: (Double) -> Double, lower: Double, upper: Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-14,
    maxIterations: Int = 200
  ) throws -> Double {
    installErrorHandlerOff()
    guard let solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent) else {
      throw GSLError(status: Int32(GSL_ENOMEM), routine: "gsl_root_fsolver_alloc")
    }
    defer { gsl_root_fsolver_free(solver) }
    return try withFunction(f) { function in
      try check(
        gsl_root_fsolver_set(solver, function, lower, upper),
        "gsl_root_fsolver_set")
      for _ in 0..<maxIterations {
        try check(gsl_root_fsolver_iterate(solver), "gsl_root_fsolver_iterate")
        let low = gsl_root_fsolver_x_lower(solver)
        let high = gsl_root_fsolver_x_upper(solver)
        let status = gsl_root_test_interval(
          low, high, absoluteTolerance, relativeTolerance)
        if status == Int32(GSL_SUCCESS) { return gsl_root_fsolver_root(solver) }
      }
      throw GSLError(status: Int32(GSL_EMAXITER), routine: "gsl_root_fsolver_brent")
    }
  }
}
