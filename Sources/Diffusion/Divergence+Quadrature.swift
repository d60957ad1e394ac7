import Foundation
import MonteCarlo

/// Divergences between one-dimensional mixtures by GSL quadrature.
extension Divergence {
  /// χ²(p ‖ q) for one-dimensional mixtures.
  ///
  /// Infinite cases are decided first (`chiSquareInfinityReason`); single
  /// Gaussians use the closed form. Otherwise
  ///
  ///     χ² = ∫ q (p/q − 1)² dx,
  ///
  /// a non-negative integrand evaluated from log p − log q without
  /// overflow, integrated by `qag` between cut points at the components
  /// and `qags` on the tails (see `LineIntegral`). The estimate's standard
  /// error is zero; GSL's error bound meets relative tolerance 10⁻¹⁰.
  /// - Throws: `DiffusionInputError` unless both are one-dimensional;
  ///   `GSLError` if the quadrature fails. Cost: O(k) pieces of O(k) work.
  public static func chiSquare(_ p: GaussianMixture, _ q: GaussianMixture) throws
    -> DivergenceValue
  {
    try require(p.dimension == 1 && q.dimension == 1, "quadrature needs one-dimensional laws")
    if let reason = chiSquareInfinityReason(p, reference: q) { return .infinite(reason: reason) }
    if p.componentCount == 1 && q.componentCount == 1 {
      return try chiSquare(
        mean: p.flatMeans[0], variance: p.variances[0], referenceMean: q.flatMeans[0],
        referenceVariance: q.variances[0])
    }
    let integral = try LineIntegral.integrate(
      { x in
        let lp = p.logDensity(at: [x]), lq = q.logDensity(at: [x])
        return squaredRatioDeviation(logP: lp, logQ: lq)
      }, breakpoints: LineIntegral.breakpoints(for: [p, q]))
    return .finite(.exact(integral.value))
  }

  /// KL(p ‖ q) = ∫ p log(p/q) dx for one-dimensional mixtures, by the same
  /// quadrature as `chiSquare(_:_:)`; the closed form for two Gaussians.
  /// Always finite. Standard error zero (quadrature).
  public static func klDivergence(_ p: GaussianMixture, _ q: GaussianMixture) throws -> Estimate {
    try require(p.dimension == 1 && q.dimension == 1, "quadrature needs one-dimensional laws")
    if p.componentCount == 1 && q.componentCount == 1 {
      return .exact(
        try klDivergence(
          mean: p.flatMeans[0], variance: p.variances[0], referenceMean: q.flatMeans[0],
          referenceVariance: q.variances[0]))
    }
    let integral = try LineIntegral.integrate(
      { x in
        let lp = p.logDensity(at: [x]), lq = q.logDensity(at: [x])
        return exp(lp) * (lp - lq)
      }, breakpoints: LineIntegral.breakpoints(for: [p, q]))
    return .exact(integral.value)
  }

  /// q (p/q − 1)² from log p and log q, without overflow:
  /// with r = log p − log q, e^{2 log p − log q}(1 − e^{−r})² when r > 0,
  /// e^{log q} (e^r − 1)² otherwise.
  @inline(__always)
  static func squaredRatioDeviation(logP: Double, logQ: Double) -> Double {
    let r = logP - logQ
    if r > 0 {
      let shrink = -expm1(-r)
      return exp(2 * logP - logQ) * shrink * shrink
    }
    let deviation = expm1(r)
    return exp(logQ) * deviation * deviation
  }
}
