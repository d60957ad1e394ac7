import Foundation
import GSL
import MonteCarlo

/// Observability η from paths by regression (THEORY.md §2–3): the cheap,
/// biased alternative to the nested estimator, and the paper's own method.
public enum ObservabilityRegression {
  /// A cross-fitted regression estimate of η.
  public struct Result: Sendable, Equatable {
    /// η = explained variance / ε².
    public let observability: Estimate
    /// Out-of-fold explained variance, an estimate of Var(E[M | Y_{t₀}]).
    public let explainedVariance: Estimate
    /// Number of regression features, intercept included.
    public let featureCount: Int
  }

  /// The features of one endpoint y: 1, then yᵢ and tanh(yᵢ) for each
  /// coordinate and every product yᵢ yⱼ (i ≤ j): E[M | y] is quadratic in y
  /// for a linear error on Gaussian data, along any direction. With a
  /// multi-component endpoint law, also the component responsibilities
  /// ρ_k(y) (k ≥ 2) and ρ_k(y) yᵢ, so that E[M | y] may shift from mode to
  /// mode. Count: 1 + 2d + d(d+1)/2, plus (K − 1)(1 + d) + d with K modes.
  public static func features(of y: ArraySlice<Double>, law: GaussianMixture? = nil)
    -> [Double]
  {
    let v = Array(y)
    var row: [Double] = [1]
    for x in v { row += [x, tanh(x)] }
    for i in v.indices { for j in i..<v.count { row.append(v[i] * v[j]) } }
    guard let law, law.componentCount > 1 else { return row }
    let rho = responsibilities(of: y, law)
    row += rho.dropFirst()
    for r in rho { for x in v { row.append(r * x) } }
    return row
  }

  /// ρ_k(y) = w_k N(y; μ_k, v_k I) / Σ_j w_j N(y; μ_j, v_j I), by log-sum-exp.
  static func responsibilities(of y: ArraySlice<Double>, _ law: GaussianMixture)
    -> [Double]
  {
    let d = Double(law.dimension)
    let logTerms = (0..<law.componentCount).map { k -> Double in
      let mu = law.mean(ofComponent: k), v = law.variances[k]
      let distance = zip(y, mu).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
      return log(law.weights[k]) - 0.5 * distance / v - 0.5 * d * log(v)
    }
    let top = logTerms.max()!
    let weights = logTerms.map { exp($0 - top) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// η by two-fold cross-fitted least squares of M on features of Y_{t₀}.
  ///
  /// The paths are split into their first and second halves. The fit on
  /// one half (`gsl_multifit_linear` via `LinearAlgebra.leastSquares`)
  /// predicts M on the other, and each held-out path contributes
  /// uᵢ = (Mᵢ − M̄)² − (Mᵢ − f̂(yᵢ))², whose mean estimates
  /// Var(E[M|Y]) − E(E[M|Y] − f̂)² ≤ Var(E[M|Y]): biased low when the
  /// features miss part of E[M | Y]. The squared residual is divided by
  /// 1 + p/(n − p − 1), the expected out-of-fold inflation from fitting p
  /// coefficients on n paths (exact for Gaussian features, approximate
  /// otherwise), so that fitting noise does not bias η low.
  /// Standard error: sd(u)/√n, combined with ε²'s relative error as if
  /// independent (approximate).
  ///
  /// - Parameters:
  ///   - endpoints: Y_{t₀} of each path, row-major (paths · d).
  ///   - martingale: M of each path.
  ///   - pathEnergy: ε² (exact or estimated), > 0.
  /// - Throws: `DiffusionInputError` for mismatched sizes or too few paths
  ///   (each half needs more paths than features); `GSLError` from GSL.
  public static func crossFitted(
    endpoints: [Double], dimension d: Int, martingale: [Double], pathEnergy: Estimate,
    endpointLaw: GaussianMixture? = nil
  ) throws -> Result {
    let n = martingale.count
    try require(d >= 1 && endpoints.count == n * d, "endpoints and martingale sizes differ")
    let rows = (0..<n).map {
      features(of: endpoints[($0 * d)..<(($0 + 1) * d)], law: endpointLaw)
    }
    let featureCount = rows.first?.count ?? 1
    try require(n / 2 > featureCount, "need more than \(2 * featureCount) paths, got \(n)")
    try require(pathEnergy.value > 0, "path energy ε² must be positive to define η")
    let half = n / 2
    let folds = [0..<half, half..<n]

    var gains = Moments()
    for (fit, test) in [(folds[0], folds[1]), (folds[1], folds[0])] {
      let model = try LinearAlgebra.leastSquares(
        design: Array(rows[fit]), response: Array(martingale[fit]))
      let mean = martingale[test].reduce(0, +) / Double(test.count)
      // Fitting noise inflates the out-of-fold squared residual by about
      // 1 + ρ, ρ = p/(n − p − 1) for p features fitted on n paths; adding
      // back the share ρ/(1 + ρ) of each squared residual removes that
      // (first-order) downward bias of the explained variance.
      let rho = Double(featureCount) / Double(fit.count - featureCount - 1)
      for i in test {
        let prediction = zip(model.coefficients, rows[i]).reduce(0) { $0 + $1.0 * $1.1 }
        let residual = martingale[i] - prediction, centred = martingale[i] - mean
        gains.add(centred * centred - residual * residual / (1 + rho))
      }
    }

    let explained = gains.meanEstimate
    let energy = pathEnergy.value
    let eta = explained.value / energy
    let relative = pathEnergy.standardError / energy
    let error = ((explained.standardError / energy) * (explained.standardError / energy)
      + (eta * relative) * (eta * relative)).squareRoot()
    return Result(
      observability: Estimate(value: eta, standardError: error, samples: Double(n)),
      explainedVariance: explained, featureCount: featureCount)
  }
}

extension ReverseDiffusionResult {
  /// η by cross-fitted regression on this simulation's recorded paths,
  /// with ε² = E⟨M⟩ from the same paths. Pass the endpoint law U_{t₀}(q)
  /// of a multi-component mixture to add per-mode features.
  /// - Throws: `DiffusionInputError` when paths were not recorded.
  public func regressionObservability(endpointLaw: GaussianMixture? = nil) throws
    -> ObservabilityRegression.Result
  {
    guard let records else {
      throw DiffusionInputError("regression needs a simulation run with recordPaths: true")
    }
    return try ObservabilityRegression.crossFitted(
      endpoints: records.endpoints, dimension: endpointMoments.count,
      martingale: records.martingale, pathEnergy: totals.pathEnergy,
      endpointLaw: endpointLaw)
  }
}
