import MonteCarlo

/// A divergence that is either a number (exact, quadrature or Monte
/// Carlo, with its standard error) or infinite for a stated reason.
///
/// THEORY.md §7: an infinite χ² must be reported as ∞ with its reason and
/// never as a (necessarily noisy) Monte Carlo number, so infinity is
/// decided exactly before anything is estimated.
public enum DivergenceValue: Equatable, Sendable {
  case finite(Estimate)
  case infinite(reason: String)

  /// The estimate when finite.
  public var estimate: Estimate? {
    if case .finite(let e) = self { return e }
    return nil
  }

  /// The value when finite, +∞ otherwise.
  public var value: Double { estimate?.value ?? .infinity }

  public var isFinite: Bool { estimate != nil }
}
