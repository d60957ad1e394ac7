import MonteCarlo

/// What a claim asserts, in a form the verdict rules can test.
public enum ClaimTest {
  /// A Monte Carlo estimate equals an exact value. Two-sided z-test.
  case equals(Estimate, exact: Double)
  /// An estimated difference d = left − right satisfies d ≤ 0. Either side
  /// may itself be estimated: pass the difference of the two, with the
  /// standard error of the difference.
  case atMost(Estimate)
  /// d = left − right satisfies d ≥ 0.
  case atLeast(Estimate)
  /// An estimate lies in a closed interval.
  case within(Estimate, ClosedRange<Double>)
  /// Two computed (not random) numbers agree to a relative tolerance:
  /// |a − b| ≤ tolerance · max(|a|, |b|).
  case agrees(Double, Double, relativeTolerance: Double)
  /// A deterministic fact, true or false.
  case holds(Bool)
  /// The claim cannot be tested: a quantity is infinite or undefined, or
  /// the claim's hypotheses fail. The string says why.
  case undefined(String)
}

/// One statement a check makes, with the numbers behind it.
public struct Claim {
  /// Short identifier, unique within its scenario (`predictive-variance@100`).
  public var id: String
  /// The statement in words and symbols (`Var Ŷ₁₀₀ = σ²(1 + i/n)`).
  public var statement: String
  /// True for a negative control: a deliberately wrong claim that must FAIL.
  public var isControl: Bool
  public var test: ClaimTest
  /// Named numbers shown in the report, in order.
  public var quantities: [(String, Quantity)]

  public init(
    id: String, statement: String, control: Bool = false, test: ClaimTest,
    quantities: [(String, Quantity)] = []
  ) {
    self.id = id
    self.statement = statement
    self.isControl = control
    self.test = test
    self.quantities = quantities
  }

  /// The verdict this claim is expected to get: PASS, or FAIL for controls.
  public var expectedVerdict: Verdict { isControl ? .fail : .pass }
}
