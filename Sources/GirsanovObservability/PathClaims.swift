import Diffusion
import Harness
import MonteCarlo

/// The exact identities of Girsanov's theorem along the reverse paths
/// (THEORY.md §2). For the Euler–Maruyama chains they hold exactly, not
/// only as h → 0: given Y_t, the ideal and learned steps are Gaussians of
/// variance h whose means differ by e h, so Z = M − ½⟨M⟩ is the exact log
/// density ratio of the two discrete chains.
enum PathClaims {
  static func claims(_ run: ErrorRun, prefix p: String) -> [Claim] {
    let totals = run.paths.totals
    let pathEnergy = totals.pathEnergy
    let learnedHalf = 0.5 * totals.learnedPathEnergy
    let isometryGap = run.isometryGap, uncompensated = run.uncompensatedMean
    return [
      Claim(id: "\(p)likelihood-ratio-mean", statement: "E_P[e^Z] = 1",
        test: .equals(totals.meanLikelihoodRatio, exact: 1),
        quantities: [("martingaleMean", .estimate(totals.meanLikelihoodRatio, exact: 1))]),
      Claim(id: "\(p)martingale-variance",
        statement: "Var_P(M) = E_P⟨M⟩ = ε² (Itô isometry)",
        test: .equals(isometryGap, exact: 0),
        quantities: [
          ("martingaleVariance", .estimate(totals.martingaleVariance)),
          ("pathEnergy", .estimate(pathEnergy)),
          ("isometryGap", .estimate(isometryGap, exact: 0)),
        ]),
      pathEnergyClaim(run, prefix: p),
      Claim(id: "\(p)path-kl-two-routes",
        statement: "KL(P̂ ‖ P) = E_P[Z e^Z] = ½ ε̂²",
        test: .equals(totals.pathDivergence - learnedHalf, exact: 0),
        quantities: [("pathKL", .estimate(totals.pathDivergence)),
          ("learnedPathEnergy", .estimate(totals.learnedPathEnergy))]),
      Claim(id: "\(p)control-no-compensator", statement: "E_P[e^M] = 1 (wrong)",
        control: true, test: .equals(uncompensated, exact: 1),
        quantities: [("uncompensatedMean", .estimate(uncompensated, exact: 1))]),
      Claim(id: "\(p)control-kl-without-half", statement: "E_P[Z e^Z] = ε̂² (wrong)",
        control: true,
        test: .equals(totals.pathDivergence - totals.learnedPathEnergy, exact: 0),
        quantities: [("pathKL", .estimate(totals.pathDivergence))]),
    ]
  }

  /// E_P⟨M⟩ against the time integral. The path average is compared with
  /// the Riemann sum ε²_h on the grid (what exact marginals would give);
  /// the gap between ε²_h and the quadrature ε² is the O(h) discretization
  /// of the time integral, reported alongside. The remaining difference is
  /// the Euler–Maruyama bias of the marginals, O(h), which the default
  /// step counts keep below the Monte Carlo error. A state-independent
  /// error makes ⟨M⟩ deterministic; then the two must agree to 10⁻⁹.
  static func pathEnergyClaim(_ run: ErrorRun, prefix p: String) -> Claim {
    let pathEnergy = run.paths.totals.pathEnergy
    guard run.sampler.start == .exact else {
      return Claim(id: "\(p)path-energy-quadrature",
        statement: "path average E_P⟨M⟩ = ε² = ∫ E_{U_t q}‖e‖² dt",
        test: .undefined("ε² integrates over the marginals U_t(q) of an exact start; "
          + "paths started at N(0, I) have other marginals"),
        quantities: [("pathEnergy", .estimate(pathEnergy)),
          ("quadraturePathEnergy", .estimate(run.quadraturePathEnergy))])
    }
    let quadrature = run.quadraturePathEnergy
    let reference = run.gridPathEnergy.map(Estimate.exact) ?? quadrature
    let test: ClaimTest = pathEnergy.standardError == 0 && reference.standardError == 0
      ? .agrees(pathEnergy.value, reference.value, relativeTolerance: 1e-9)
      : .equals(pathEnergy - reference, exact: 0)
    var quantities: [(String, Quantity)] = [
      ("pathEnergy", .estimate(pathEnergy, exact: reference.value)),
      ("quadraturePathEnergy", .estimate(quadrature)),
    ]
    if let grid = run.gridPathEnergy {
      quantities.append(("discretizationGap", .plain(grid - quadrature.value)))
    }
    return Claim(id: "\(p)path-energy-quadrature",
      statement: "path average E_P⟨M⟩ = ε²_h, the grid sum of ∫ E_{U_t q}‖e‖² dt (quadrature"
        + " ε² and the gap reported)",
      test: test, quantities: quantities)
  }
}
