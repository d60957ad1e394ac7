import Diffusion
import Harness
import MonteCarlo

/// The paper's ablation (its §5): on the same data, η should order the
/// errors by how much of their path error reaches the endpoint: a linear
/// error along the data's leading direction above one along a random
/// direction, above an oscillating time-only error whose effect averages
/// out (η ≈ 0). The scenario lists the errors in the claimed order. Each η
/// is the pooled estimate `ErrorRun.pooledObservability`.
enum AblationClaims {
  /// "Near 0" for an oscillating error: η below this.
  static let nearZero = 0.05

  static func claims(_ runs: [ErrorRun]) -> [Claim] {
    let labeled = runs.compactMap { run in
      run.pooledObservability.map { (run.spec.label, $0, run.spec) }
    }
    guard labeled.count == runs.count, runs.count >= 2 else { return [] }
    var claims: [Claim] = []
    for k in 0..<(labeled.count - 1) {
      let (a, b) = (labeled[k], labeled[k + 1])
      claims.append(Claim(id: "ablation-order-\(a.0)-over-\(b.0)",
        statement: "η(\(a.0)) > η(\(b.0))",
        test: .atLeast(a.1 - b.1),
        quantities: [("observability-\(a.0)", .estimate(a.1)),
          ("observability-\(b.0)", .estimate(b.1))]))
    }
    if let last = labeled.last, case .constant(.oscillating, _, _) = last.2.model {
      claims.append(Claim(id: "ablation-\(last.0)-near-zero",
        statement: "η(\(last.0)) ∈ [0, \(nearZero)]: the oscillating error averages out",
        test: .within(last.1, 0...nearZero),
        quantities: [("observability", .estimate(last.1))]))
    }
    let (first, last) = (labeled[0], labeled[labeled.count - 1])
    claims.append(Claim(id: "control-ablation-reversed",
      statement: "η(\(last.0)) > η(\(first.0)) (wrong)", control: true,
      test: .atLeast(last.1 - first.1),
      quantities: [("observability-\(last.0)", .estimate(last.1)),
        ("observability-\(first.0)", .estimate(first.1))]))
    return claims
  }
}
