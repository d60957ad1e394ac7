import Diffusion
import Harness
import MonteCarlo

/// Claims about the endpoint law: Proposition 3.1 and the observability η
/// (THEORY.md §2–3), from the nested time-reversal estimator and the
/// cross-fitted regression.
enum EndpointClaims {
  static func claims(_ run: ErrorRun, prefix p: String) -> [Claim] {
    guard let endpoint = run.endpoint else {
      let reason = "the endpoint estimators need an exact start (time reversal); "
        + "the initialization error KL(U_T q ‖ N(0, I)) is reported on its own"
      var quantities: [(String, Quantity)] = []
      if let kl = run.initializationError {
        quantities.append(("initializationKL", .estimate(kl)))
      }
      return [Claim(id: "\(p)proposition-3.1", statement: "KL(p̂ ‖ Law Y_{t₀}) ≤ ½ ε̂²",
        test: .undefined(reason), quantities: quantities)]
    }
    let learnedHalf = 0.5 * run.paths.totals.learnedPathEnergy
    var claims = [
      Claim(id: "\(p)proposition-3.1",
        statement: "KL(p̂ ‖ Law Y_{t₀}) ≤ KL(P̂ ‖ P) = ½ ε̂² (data processing)",
        test: .atMost(endpoint.klDivergence - learnedHalf),
        quantities: [("endpointKL", .estimate(endpoint.klDivergence)),
          ("pathKL", .estimate(learnedHalf)),
          ("endpointChiSquare", .estimate(endpoint.chiSquare))]),
      Claim(id: "\(p)observability-range", statement: "η ∈ [0, 1] (pooled estimate)",
        test: .within(run.pooledObservability ?? endpoint.observability, 0...1),
        quantities: [("observability", .estimate(run.pooledObservability
          ?? endpoint.observability))]),
    ]
    if let regression = run.regression {
      claims.append(Claim(id: "\(p)observability-two-estimators",
        statement: "η by nested Monte Carlo = η by cross-fitted regression",
        test: .equals(endpoint.observability - regression.observability, exact: 0),
        quantities: [("observability", .estimate(endpoint.observability)),
          ("regressionObservability", .estimate(regression.observability))]))
    }
    return claims
  }
}
