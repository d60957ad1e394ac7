import Diffusion
import DiffusionChecks
import Foundation
import GSL
import Harness
import MonteCarlo

/// Claims against the closed forms of a one-dimensional Gaussian case.
enum GaussianClaims {
  /// Points at which r(y) is checked, in standard deviations of U_{t₀}q.
  static let ratioPoints: [Double] = [-2, -1, 0, 1, 2]

  static func claims(_ run: ErrorRun, _ exact: GaussianCase, prefix p: String,
    context: CheckContext, innerPaths: Int) throws -> (claims: [Claim], ratios: [[Double]])
  {
    let scale = exact.scenario.errorScale
    let model = try exact.linear(scale: scale)
    let eta = try exact.exactObservability()
    let chiSquare = try model.chiSquare()
    var claims: [Claim] = [try twoRoutes(run, exact, model, prefix: p)]
    let learned = try exact.learnedPathEnergy(scale: scale)
    let simulated = run.paths.totals.learnedPathEnergy
    claims.append(Claim(id: "\(p)learned-path-energy",
      statement: "ε̂² along learned paths = ∫ λ² E(a Ŷ_t + b)² dt (exact Gaussian laws)",
      test: simulated.standardError == 0
        ? .agrees(simulated.value, learned, relativeTolerance: 1e-9)
        : .equals(simulated, exact: learned),
      quantities: [("learnedPathEnergy", .estimate(simulated, exact: learned))]))

    if let endpoint = run.endpoint {
      claims.append(Claim(id: "\(p)observability-closed-form",
        statement: exact.slope == 0 ? "η (nested) = m²/(v_{t₀} ε²)"
          : "η (nested) = lim_{λ→0} χ²/ε² (exact Gaussian laws)",
        test: .equals(endpoint.observability, exact: eta),
        quantities: [("observability", .estimate(endpoint.observability, exact: eta))]))
      if let chi = chiSquare.estimate?.value {
        claims.append(Claim(id: "\(p)endpoint-chi-square",
          statement: "χ²(p̂ ‖ Law Y_{t₀}) (nested) = exact Gaussian χ²",
          test: .equals(endpoint.chiSquare, exact: chi),
          quantities: [("endpointChiSquare", .estimate(endpoint.chiSquare, exact: chi))]))
      }
    }

    var rows: [[Double]] = []
    if run.sampler.start == .exact {
      let sd = exact.idealEndpoint.variance.squareRoot()
      let points = ratioPoints.map { [exact.idealEndpoint.mean + $0 * sd] }
      let estimates = try run.sampler.likelihoodRatio(at: points,
        innerPaths: innerPaths * context.sampleScale, runner: context.runner,
        streamBase: ErrorRun.streams(context, error: run.index, part: 4))
      for (y, estimate) in zip(points, estimates) {
        let r = try exact.exactRatio(at: y[0], scale: scale)
        rows.append([y[0], r, estimate.value, estimate.standardError])
        claims.append(Claim(id: "\(p)endpoint-ratio@y=\(short(y[0]))",
          statement: "r(y) = E_P[e^Z | Y_{t₀} = y] (nested) = p̂(y)/U_{t₀}q(y) (exact)",
          test: .equals(estimate, exact: r),
          quantities: [("endpointRatio", .estimate(estimate, exact: r)),
            ("y", .plain(y[0]))]))
      }
    }
    return (claims + convergence(run, exact, model, prefix: p), rows)
  }

  /// The exact values by two routes each, to 10⁻⁸ relative: χ² and KL in
  /// closed form against GSL quadrature (`qagi`) of their definitions
  /// ∫ p²/q − 1 and ∫ p log(p/q), and ε² by the Gaussian model's own
  /// integral against the engine's quadrature with mixture moments.
  static func twoRoutes(_ run: ErrorRun, _ exact: GaussianCase,
    _ model: GaussianLinearError, prefix p: String) throws -> Claim
  {
    let learned = try model.learnedEndpoint(), q = exact.idealEndpoint
    func logDensity(_ n: GaussianLinearError.Normal, _ y: Double) -> Double {
      -0.5 * log(2 * Double.pi * n.variance) - 0.5 * (y - n.mean) * (y - n.mean) / n.variance
    }
    var pairs: [(String, Double, Double)] = []
    if let closedChi = try model.chiSquare().estimate?.value {
      let integral = try Quadrature.qagi({ y in
        exp(2 * logDensity(learned, y) - logDensity(q, y))
      }, relativeTolerance: 1e-11).value
      pairs.append(("endpointChiSquare", closedChi, integral - 1))
    }
    let klIntegral = try Quadrature.qagi({ y in
      let logP = logDensity(learned, y)
      return exp(logP) * (logP - logDensity(q, y))
    }, relativeTolerance: 1e-11).value
    pairs.append(("endpointKL", try model.klDivergence(), klIntegral))
    pairs.append(("pathEnergy", try model.pathEnergy(), run.quadraturePathEnergy.value))
    let worst = pairs.map { abs($0.1 - $0.2) / max(abs($0.1), abs($0.2)) }.max()!
    return Claim(id: "\(p)exact-values-two-routes",
      statement: "closed-form χ², KL, ε² = quadrature of the definitions (10⁻⁸ relative)",
      test: .holds(worst <= 1e-8),
      quantities: pairs.flatMap { [($0.0, Quantity.exactly($0.1)),
        ("\($0.0)ByQuadrature", Quantity.exactly($0.2))] }
        + [("worstRelativeDifference", .plain(worst))])
  }

  /// Euler–Maruyama converges with weak order 1: the exact law of the
  /// discrete learned chain (mean and variance recursions) approaches the
  /// continuous one like h. The slope of log(weak error) against log h is
  /// fitted by least squares (`gsl_multifit_linear`) over steps/8 … 4·steps,
  /// and the simulated chain is checked against its exact discrete law.
  static func convergence(_ run: ErrorRun, _ exact: GaussianCase,
    _ model: GaussianLinearError, prefix p: String) -> [Claim]
  {
    let steps = run.sampler.steps
    guard let continuous = try? model.learnedEndpoint(), steps >= 8 else { return [] }
    let levels = [steps / 8, steps / 4, steps / 2, steps, 2 * steps, 4 * steps]
    let errors = levels.map { n -> Double in
      let discrete = model.eulerMaruyamaEndpoint(steps: n)
      return abs(discrete.mean - continuous.mean) + abs(discrete.variance - continuous.variance)
    }
    let design = levels.map { [1, log(1 / Double($0))] }
    let slope = (try? LinearAlgebra.leastSquares(design: design,
      response: errors.map(log)))?.coefficients[1] ?? .nan
    let discrete = model.eulerMaruyamaEndpoint(steps: steps)
    let moments = run.paths.learnedEndpointMoments[0]
    return [
      Claim(id: "\(p)euler-maruyama-order",
        statement: "weak error of the exact discrete law ∝ h^q with q ∈ [0.9, 1.1]",
        test: .holds((0.9...1.1).contains(slope)),
        quantities: [("weakOrder", .exactly(slope)),
          ("weakErrorAtSteps", .exactly(errors[3]))]),
      Claim(id: "\(p)euler-maruyama-mean",
        statement: "simulated E Ŷ_{t₀} = mean of the exact discrete law",
        test: .equals(moments.meanEstimate, exact: discrete.mean),
        quantities: [("learnedEndpointMean", .estimate(moments.meanEstimate,
          exact: discrete.mean))]),
      Claim(id: "\(p)euler-maruyama-variance",
        statement: "simulated Var Ŷ_{t₀} = variance of the exact discrete law",
        test: .equals(moments.varianceEstimate, exact: discrete.variance),
        quantities: [("learnedEndpointVariance", .estimate(moments.varianceEstimate,
          exact: discrete.variance))]),
    ]
  }

  /// Weak errors by step count, for the convergence figure.
  static func weakErrors(_ exact: GaussianCase, steps: Int) -> [[Double]] {
    guard let model = try? exact.linear(scale: exact.scenario.errorScale),
      let continuous = try? model.learnedEndpoint()
    else { return [] }
    return [steps / 8, steps / 4, steps / 2, steps, 2 * steps, 4 * steps].map { n in
      let discrete = model.eulerMaruyamaEndpoint(steps: n)
      let h = (exact.scenario.horizon - exact.scenario.stopTime) / Double(n)
      let error = abs(discrete.mean - continuous.mean)
        + abs(discrete.variance - continuous.variance)
      return [h, error]
    }
  }
}
