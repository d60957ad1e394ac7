import CGSL

/// Special functions from GSL's `gsl_sf` family.
public enum Special {
  /// The digamma function ψ(x) = Γ′(x)/Γ(x) (`gsl_sf_psi`).
  /// Defined for x ≠ 0, −1, −2, ...
  public static func digamma(_ x: Double) throws -> Double {
    try evaluate("gsl_sf_psi_e") { gsl_sf_psi_e(x, $0) }
  }

  /// The trigamma function ψ′(x) (`gsl_sf_psi_1`).
  public static func trigamma(_ x: Double) throws -> Double {
    try evaluate("gsl_sf_psi_1_e") { gsl_sf_psi_1_e(x, $0) }
  }

  /// log |Γ(x)| (`gsl_sf_lngamma`).
  public static func logGamma(_ x: Double) throws -> Double {
    try evaluate("gsl_sf_lngamma_e") { gsl_sf_lngamma_e(x, $0) }
  }

  private static func evaluate(
    _ routine: String,
    _ call: (UnsafeMutablePointer<gsl_sf_result>) -> Int32
  ) throws -> Double {
    installErrorHandlerOff()
    var result = gsl_sf_result(val: 0, err: 0)
    try check(call(&result), routine)
    return result.val
  }
}
