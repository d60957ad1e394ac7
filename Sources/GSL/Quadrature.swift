import CGSL

/// A quadrature result: GSL's value, its absolute error estimate, and the
/// number of integrand evaluations where the routine reports it.
public struct Integral: Equatable {
  public let value: Double
  public let absoluteError: Double
  public let evaluations: Int
}

/// Numerical integration of Swift closures with GSL's QUADPACK ports and
/// CQUAD. Each call allocates its own workspace, so calls are thread-safe.
///
/// Tolerances follow GSL: the routine stops once
/// |result − I| ≤ max(absoluteTolerance, relativeTolerance·|I|), and throws
/// a `GSLError` when it cannot reach that (`GSL_EROUND`, `GSL_EMAXITER`, ...).
public enum Quadrature {
  /// The Gauss–Kronrod rule QAG uses on each subinterval.
  public enum Rule: Int32 {
    case gaussKronrod15 = 1, gaussKronrod21, gaussKronrod31, gaussKronrod41,
      gaussKronrod51, gaussKronrod61
  }

  /// Adaptive Gauss–Kronrod on [a, b] for smooth integrands
  /// (`gsl_integration_qag`).
  public static func qag(
    _ f: (Double) -> Double, from a: Double, to b: Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12,
    rule: Rule = .gaussKronrod61, limit: Int = 1000
  ) throws -> Integral {
    try withWorkspace(limit) { function, work in
      var value = 0.0, error = 0.0
      let status = gsl_integration_qag(
        function, a, b, absoluteTolerance, relativeTolerance, limit,
        rule.rawValue, work, &value, &error)
      try check(status, "gsl_integration_qag")
      return Integral(value: value, absoluteError: error, evaluations: 0)
    }(f)
  }

  /// Adaptive integration with extrapolation on [a, b], for integrable
  /// end-point singularities (`gsl_integration_qags`).
  public static func qags(
    _ f: (Double) -> Double, from a: Double, to b: Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12,
    limit: Int = 1000
  ) throws -> Integral {
    try withWorkspace(limit) { function, work in
      var value = 0.0, error = 0.0
      let status = gsl_integration_qags(
        function, a, b, absoluteTolerance, relativeTolerance, limit, work,
        &value, &error)
      try check(status, "gsl_integration_qags")
      return Integral(value: value, absoluteError: error, evaluations: 0)
    }(f)
  }

  /// The integral over the whole real line (`gsl_integration_qagi`).
  public static func qagi(
    _ f: (Double) -> Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12,
    limit: Int = 1000
  ) throws -> Integral {
    try withWorkspace(limit) { function, work in
      var value = 0.0, error = 0.0
      let status = gsl_integration_qagi(
        function, absoluteTolerance, relativeTolerance, limit, work,
        &value, &error)
      try check(status, "gsl_integration_qagi")
      return Integral(value: value, absoluteError: error, evaluations: 0)
    }(f)
  }

  /// Doubly adaptive Clenshaw–Curtis on [a, b], robust to infinite or NaN
  /// integrand values at isolated points (`gsl_integration_cquad`).
  public static func cquad(
    _ f: (Double) -> Double, from a: Double, to b: Double,
    absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12,
    intervals: Int = 200
  ) throws -> Integral {
    installErrorHandlerOff()
    guard let work = gsl_integration_cquad_workspace_alloc(intervals) else {
      throw GSLError(status: Int32(GSL_ENOMEM), routine: "cquad_workspace_alloc")
    }
    defer { gsl_integration_cquad_workspace_free(work) }
    return try withFunction(f) { function in
      var value = 0.0, error = 0.0
      var evaluations = 0
      let status = gsl_integration_cquad(
        function, a, b, absoluteTolerance, relativeTolerance, work,
        &value, &error, &evaluations)
      try check(status, "gsl_integration_cquad")
      return Integral(
        value: value, absoluteError: error, evaluations: evaluations)
    }
  }

  /// Runs `body` with a QUADPACK workspace of `limit` subintervals.
  private static func withWorkspace(
    _ limit: Int,
    _ body: @escaping (
      UnsafeMutablePointer<gsl_function>,
      UnsafeMutablePointer<gsl_integration_workspace>
    ) throws -> Integral
  ) -> ((Double) -> Double) throws -> Integral {
    return { f in
      installErrorHandlerOff()
      guard let work = gsl_integration_workspace_alloc(limit) else {
        throw GSLError(status: Int32(GSL_ENOMEM), routine: "workspace_alloc")
      }
      defer { gsl_integration_workspace_free(work) }
      return try withFunction(f) { try body($0, work) }
    }
  }
}

/// A Swift closure seen by GSL as a `gsl_function`.
private final class ClosureBox {
  let f: (Double) -> Double
  init(_ f: @escaping (Double) -> Double) { self.f = f }
}

/// Calls `body` with a `gsl_function` whose evaluations call `f`.
func withFunction<R>(
  _ f: (Double) -> Double,
  _ body: (UnsafeMutablePointer<gsl_function>) throws -> R
) rethrows -> R {
  try withoutActuallyEscaping(f) { escapable in
    let box = ClosureBox(escapable)
    return try withExtendedLifetime(box) {
      var function = gsl_function(
        function: { x, params in
          Unmanaged<ClosureBox>.fromOpaque(params!).takeUnretainedValue().f(x)
        },
        params: Unmanaged.passUnretained(box).toOpaque())
      return try body(&function)
    }
  }
}
