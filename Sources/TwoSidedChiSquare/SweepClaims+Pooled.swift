import Diffusion
import Foundation
import Harness
import MonteCarlo

/// Bounds tested once over a Monte Carlo sweep.
extension SweepClaims {
  /// Each inequality of the theorem, normalised by ε² at every point in
  /// range (ε² ≤ 1) and pooled by inverse variance:
  ///
  ///     clean lower:  g = (χ² − ⅛ η ε²)/ε² ≥ 0
  ///     upper:        g = (χ² − 4 ε²)/ε² ≤ 0
  ///     Prop. 3.1:    g = (KL − ½ ε̂²)/ε² ≤ 0
  ///
  /// A pooled mean on the right side shows the inequality holds on average
  /// over the sweep, weighted towards the best-resolved points: weaker
  /// than "at every point", which the per-point series let a reader check.
  static func pooledClaims(_ points: [SweepPoint], _ constants: SweepConstants) -> [Claim] {
    let inRange = points.filter { $0.energy <= energyLimit }
    guard !inRange.isEmpty else { return [] }
    func pool(_ points: [SweepPoint], _ gap: (SweepPoint, Estimate) -> Estimate) -> Estimate {
      var weight = 0.0, total = 0.0
      for point in points {
        let g = gap(point, point.chiSquare.estimate!)
        guard g.standardError > 0 else { continue }
        let w = 1 / (g.standardError * g.standardError)
        weight += w
        total += w * g.value
      }
      return Estimate(value: total / weight, standardError: (1 / weight).squareRoot(),
        samples: Double(points.count))
    }
    // The clean lower form also needs ε² ≤ η/(8C).
    let c = constants.lower.value
    let cleanRange = inRange.filter { c == 0 || $0.energy <= $0.observability.value / (8 * c) }
    let lower = pool(cleanRange) { p, chi in
      (1 / p.energy) * (chi - 0.125 * p.energy * p.observability)
    }
    let upper = pool(inRange) { p, chi in (1 / p.energy) * (chi - .exact(4 * p.energy)) }
    let kl = pool(inRange) { p, _ in (1 / p.energy) * (p.kl - 0.5 * p.learnedPathEnergy) }
    return [
      Claim(id: "clean-lower-pooled",
        statement: "χ² ≥ ⅛ η ε², pooled over the sweep points with ε² ≤ min{1, η/(8C)}",
        test: .atLeast(lower),
        quantities: [("normalisedGap", .estimate(lower)),
          ("lowerConstant", .estimate(constants.lower))]),
      Claim(id: "upper-pooled",
        statement: "χ² ≤ 4 ε², pooled over the sweep points with ε² ≤ 1",
        test: .atMost(upper),
        quantities: [("normalisedGap", .estimate(upper)),
          ("upperConstant", .estimate(constants.upper))]),
      Claim(id: "proposition-3.1-pooled",
        statement: "KL(p̂ ‖ Law Y_{t₀}) ≤ ½ ε̂², pooled over the sweep points with ε² ≤ 1",
        test: .atMost(kl), quantities: [("normalisedGap", .estimate(kl))]),
    ]
  }
}
