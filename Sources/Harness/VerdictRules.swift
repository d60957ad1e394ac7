import GSL
import MonteCarlo

/// The rule, fixed before any sampling, that turns claims into verdicts.
///
/// 1. Every testable claim gets a p-value for "the claim is violated"
///    (z-tests on normal-approximation standard errors; computed claims get
///    p = 0 when false, 1 when true).
/// 2. Holm's step-down procedure over all m testable claims of the run holds
///    the family-wise error rate at `familyWiseRate`: sorted p-values
///    p₍₁₎ ≤ … ≤ p₍ₘ₎ are rejected while p₍ₖ₎ ≤ rate/(m − k + 1). A rejected
///    claim is FAIL.
/// 3. A claim that is not rejected is PASS if it is an equality; an
///    inequality or interval claim is PASS only if its simultaneous
///    (Bonferroni, level 1 − rate/m) interval lies wholly on the claimed
///    side, and INCONCLUSIVE otherwise.
/// 4. Claims that cannot be tested are UNDEFINED and not counted in m.
public struct VerdictRules: Sendable {
  /// The family-wise error rate across the run (default 10⁻³).
  public let familyWiseRate: Double
  /// The number m of testable claims in the run.
  public let familySize: Int

  public init(familyWiseRate: Double, familySize: Int) {
    self.familyWiseRate = familyWiseRate
    self.familySize = max(familySize, 1)
  }

  /// The per-claim level of the simultaneous intervals, rate/m.
  public var simultaneousLevel: Double { familyWiseRate / Double(familySize) }

  /// The two-sided simultaneous confidence interval of an estimate.
  public func interval(_ e: Estimate) -> ClosedRange<Double> {
    e.confidenceInterval(alpha: simultaneousLevel)
  }

  /// The p-value of "the claim is violated"; nil when untestable.
  public static func pValue(_ test: ClaimTest) -> Double? {
    switch test {
    case .equals(let e, let exact):
      if e.standardError == 0 { return e.value == exact ? 1 : 0 }
      let z = abs(e.value - exact) / e.standardError
      return min(1, 2 * Distribution.normalUpperTail(z))
    case .atMost(let d):
      if d.standardError == 0 { return d.value <= 0 ? 1 : 0 }
      return Distribution.normalUpperTail(d.value / d.standardError)
    case .atLeast(let d):
      if d.standardError == 0 { return d.value >= 0 ? 1 : 0 }
      return Distribution.normalCDF(d.value / d.standardError)
    case .within(let e, let range):
      if e.standardError == 0 { return range.contains(e.value) ? 1 : 0 }
      let below = Distribution.normalCDF(
        (e.value - range.lowerBound) / e.standardError)
      let above = Distribution.normalUpperTail(
        (e.value - range.upperBound) / e.standardError)
      return min(1, 2 * min(below, above))
    case .agrees(let a, let b, let tolerance):
      let scale = max(abs(a), abs(b))
      return abs(a - b) <= tolerance * scale ? 1 : 0
    case .holds(let fact):
      return fact ? 1 : 0
    case .undefined:
      return nil
    }
  }

  /// Whether the claim is confirmed on its side at the simultaneous level
  /// (rule 3). Equalities and computed claims need no confirmation.
  public func confirmed(_ test: ClaimTest) -> Bool {
    let z = Distribution.normalQuantile(1 - simultaneousLevel)
    switch test {
    case .atMost(let d): return d.value + z * d.standardError < 0
        || (d.standardError == 0 && d.value <= 0)
    case .atLeast(let d): return d.value - z * d.standardError > 0
        || (d.standardError == 0 && d.value >= 0)
    case .within(let e, let range):
      let ci = interval(e)
      return range.contains(ci.lowerBound) && range.contains(ci.upperBound)
    default: return true
    }
  }

  /// Verdicts for claims given their p-values, by Holm's step-down rule.
  public func verdicts(_ tests: [ClaimTest]) -> [Verdict] {
    let pValues = tests.map(VerdictRules.pValue)
    let order = pValues.indices
      .filter { pValues[$0] != nil }
      .sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
    var rejected = Set<Int>()
    for (k, index) in order.enumerated() {
      let threshold = familyWiseRate / Double(familySize - k)
      guard pValues[index]! <= threshold else { break }
      rejected.insert(index)
    }
    return tests.indices.map { index in
      if pValues[index] == nil { return .undefined }
      if rejected.contains(index) { return .fail }
      return confirmed(tests[index]) ? .pass : .inconclusive
    }
  }

  /// The verdict of one claim judged alone at the simultaneous level
  /// (Bonferroni), used to decide whether to draw more samples.
  public func provisionalVerdict(_ test: ClaimTest) -> Verdict {
    guard let p = VerdictRules.pValue(test) else { return .undefined }
    if p <= simultaneousLevel { return .fail }
    return confirmed(test) ? .pass : .inconclusive
  }
}
