import Diffusion
import Foundation
import Harness
import MonteCarlo

/// The claims of one sweep (THEORY.md §4). With closed forms, claims are
/// made point by point, where the hypotheses hold (ε² ≤ 1, and
/// ε² ≤ η/(8C) for the clean lower form); elsewhere they are UNDEFINED
/// with the reason. With nested Monte Carlo a single point cannot resolve
/// a bound at small ε (χ² and KL carry standard errors comparable to their
/// size), so each inequality is tested once, pooled over the points in
/// range (see `pooledClaims`).
enum SweepClaims {
  static func claims(_ points: [SweepPoint], talkForm: TalkForm) -> [Claim] {
    let finite = points.filter { $0.chiSquare.isFinite }
    // Constants are set by the points inside the hypotheses (ε² ≤ 1).
    let needs = finite.filter { $0.energy <= energyLimit }.compactMap(NeededConstants.init)
    let constants = SweepConstants(needs)
    let exact = finite.allSatisfy { $0.chiSquare.estimate?.standardError == 0 }
    var claims: [Claim] = []
    if exact {
      for point in points { claims += pointClaims(point, constants) }
    } else {
      claims += pooledClaims(finite, constants)
    }
    claims += sweepClaims(finite, needs, constants, talkForm: talkForm)
    return claims
  }

  static func label(_ p: SweepPoint) -> String { "λ=\(short(p.scale))" }

  /// ε² ≤ 1, with room for the rounding of the sweep's top point.
  static let energyLimit = 1 + 1e-9

  static func pointClaims(_ p: SweepPoint, _ constants: SweepConstants) -> [Claim] {
    let id = label(p)
    let e2 = p.energy
    var quantities: [(String, Quantity)] = [
      ("errorScale", .plain(p.scale)), ("pathEnergy", .exactly(e2)),
      ("learnedPathEnergy", .estimate(p.learnedPathEnergy)),
      ("observability", .estimate(p.observability)),
      ("endpointKL", .estimate(p.kl)),
    ]
    for (delta, moment) in zip(SweepPoint.deltas, p.exponentialMoments) {
      quantities.append(("expMoment\(delta)", .estimate(moment)))
    }
    quantities.append(("quadraticMoment", .estimate(p.quadraticMoment)))
    guard let chi = p.chiSquare.estimate else {
      var reason = "χ² is infinite"
      if case .infinite(let why) = p.chiSquare { reason = why }
      quantities.append(("endpointChiSquare", Quantity(reason: "∞: \(reason)")))
      return [
        Claim(id: "bounds@\(id)", statement: "¼ηε² − Cε⁴ ≤ χ² ≤ 4ε² + cε⁴",
          test: .undefined("χ² = ∞: \(reason)"), quantities: quantities),
        Claim(id: "proposition-3.1@\(id)", statement: "KL(p̂ ‖ Law Y_{t₀}) ≤ ½ ε̂²",
          test: .atMost(p.kl - 0.5 * p.learnedPathEnergy),
          quantities: [("endpointKL", .estimate(p.kl)),
            ("learnedPathEnergy", .estimate(p.learnedPathEnergy))]),
      ]
    }
    quantities.append(("endpointChiSquare", .estimate(chi)))
    var claims = [Claim(id: "proposition-3.1@\(id)",
      statement: "KL(p̂ ‖ Law Y_{t₀}) ≤ ½ ε̂²",
      test: .atMost(p.kl - 0.5 * p.learnedPathEnergy), quantities: quantities)]
    let inRange = e2 <= energyLimit
    let cleanRange = inRange && (constants.lower.value == 0
      || e2 <= p.observability.value / (8 * constants.lower.value))
    claims.append(Claim(id: "clean-lower@\(id)",
      statement: "χ² ≥ ⅛ η ε² (Theorem 3.4, clean form)",
      test: cleanRange ? .atLeast(chi - 0.125 * e2 * p.observability)
        : .undefined("outside the hypotheses: ε² = \(short(e2)) exceeds min{1, η/(8C)}"),
      quantities: [("endpointChiSquare", .estimate(chi)),
        ("lowerLine", .estimate(0.125 * e2 * p.observability))]))
    claims.append(Claim(id: "upper@\(id)", statement: "χ² ≤ 4 ε² (upper bound, small ε)",
      test: inRange ? .atMost(chi - .exact(4 * e2))
        : .undefined("outside the hypotheses: ε² = \(short(e2)) > 1"),
      quantities: [("endpointChiSquare", .estimate(chi)), ("upperLine", .exactly(4 * e2))]))
    return claims
  }
}
