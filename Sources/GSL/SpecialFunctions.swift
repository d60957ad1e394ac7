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

extension Special {
  /// log Γ(z) for complex z = x + i y, as (log |Γ(z)|, arg Γ(z)), the
  /// argument in (−π, π] (`gsl_sf_lngamma_complex_e`).
  public static func logGammaComplex(_ x: Double, _ y: Double) throws
    -> (logModulus: Double, argument: Double)
  {
    installErrorHandlerOff()
    var modulus = gsl_sf_result(val: 0, err: 0)
    var argument = gsl_sf_result(val: 0, err: 0)
    try check(gsl_sf_lngamma_complex_e(x, y, &modulus, &argument),
      "gsl_sf_lngamma_complex_e")
    return (modulus.val, argument.val)
  }
}
