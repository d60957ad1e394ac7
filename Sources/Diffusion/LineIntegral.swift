import GSL

/// Integrals over the real line of functions concentrated around the
/// components of one-dimensional mixtures.
///
/// A single `qagi` can step over a narrow component far from the origin,
/// so the line is cut at the component means and at ±3 standard
/// deviations around them: `qag` (Gauss–Kronrod 61) on each piece, and
/// `qags` on each tail after the substitution x = b ± (1 − s)/s that
/// GSL's `qagiu`/`qagil` use. Pieces are thinned to at most
/// `maximumPieces` so large kernel mixtures stay affordable.
enum LineIntegral {
  static let maximumPieces = 240

  /// The cut points for a set of one-dimensional mixtures, sorted.
  static func breakpoints(for mixtures: [GaussianMixture]) -> [Double] {
    var points: [Double] = []
    for mixture in mixtures {
      for k in 0..<mixture.componentCount {
        let m = mixture.flatMeans[k], sd = mixture.variances[k].squareRoot()
        points += [m - 3 * sd, m, m + 3 * sd]
      }
    }
    points.sort()
    var unique: [Double] = []
    for x in points where unique.last.map({ x > $0 + 1e-12 }) ?? true { unique.append(x) }
    guard unique.count > maximumPieces else { return unique }
    let stride = Double(unique.count - 1) / Double(maximumPieces - 1)
    return (0..<maximumPieces).map { unique[Int((Double($0) * stride).rounded())] }
  }

  /// ∫_ℝ f with the given cut points (at least one).
  static func integrate(
    _ f: (Double) -> Double, breakpoints: [Double],
    absoluteTolerance: Double = 1e-15, relativeTolerance: Double = 1e-10
  ) throws -> (value: Double, absoluteError: Double) {
    precondition(!breakpoints.isEmpty)
    let low = breakpoints.first!, high = breakpoints.last!
    var value = 0.0, error = 0.0

    let left = try Quadrature.qags(
      { s in tail(f, low - (1 - s) / s, s) }, from: 0, to: 1,
      absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    value += left.value
    error += left.absoluteError
    for (a, b) in zip(breakpoints, breakpoints.dropFirst()) {
      let piece = try Quadrature.qag(
        f, from: a, to: b, absoluteTolerance: absoluteTolerance,
        relativeTolerance: relativeTolerance)
      value += piece.value
      error += piece.absoluteError
    }
    let right = try Quadrature.qags(
      { s in tail(f, high + (1 - s) / s, s) }, from: 0, to: 1,
      absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    value += right.value
    error += right.absoluteError
    return (value, error)
  }

  /// f(x)/s², the integrand after the tail substitution; 0 where f is 0
  /// (so that s² underflowing to 0 near s = 0 cannot give 0/0).
  @inline(__always)
  private static func tail(_ f: (Double) -> Double, _ x: Double, _ s: Double) -> Double {
    let y = f(x)
    return y == 0 ? 0 : y / (s * s)
  }
}
