import MonteCarlo

/// A named number in a report: a Monte Carlo estimate with its standard
/// error, an exact value, or both. A quantity that is infinite or undefined
/// carries a `reason` instead of a value, and is never printed as a number.
public struct Quantity {
  public var value: Double?
  public var standardError: Double?
  public var exact: Double?
  /// Why the quantity has no finite value (such as "χ² = ∞: ...").
  public var reason: String?

  public init(value: Double? = nil, standardError: Double? = nil,
    exact: Double? = nil, reason: String? = nil)
  {
    self.value = value
    self.standardError = standardError
    self.exact = exact
    self.reason = reason
  }

  /// A Monte Carlo estimate, with the exact value it is compared to if any.
  public static func estimate(_ e: Estimate, exact: Double? = nil) -> Quantity {
    Quantity(value: e.value, standardError: e.standardError, exact: exact)
  }

  /// An exactly computed number.
  public static func exactly(_ x: Double) -> Quantity { Quantity(exact: x) }

  /// A plain computed value without error bar (a count, a parameter).
  public static func plain(_ x: Double) -> Quantity { Quantity(value: x) }
}
