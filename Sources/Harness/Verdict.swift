/// The outcome of one claim.
public enum Verdict: String, Sendable {
  /// The claim holds at the run's family-wise error rate.
  case pass = "PASS"
  /// The data reject the claim (Holm–Bonferroni across the run).
  case fail = "FAIL"
  /// Neither: a confidence interval still straddles the line at the largest
  /// sample size allowed.
  case inconclusive = "INCONCLUSIVE"
  /// A quantity is infinite or undefined, or the hypotheses fail.
  case undefined = "UNDEFINED"
}
