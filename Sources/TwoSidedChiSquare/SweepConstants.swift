import Diffusion
import Foundation
import MonteCarlo

/// The constants each side of the two-sided bound needs at a point
/// (THEORY.md §4), from ε², χ² and η:
///
///     lower (paper):  C ≥ (¼ η ε² − χ²)/ε⁴
///     lower (talk):   C ≥ (η ε² − χ²)/ε⁴
///     upper:          c ≥ (χ² − 4 ε²)/ε⁴
///
/// each floored at 0 (a side that already holds needs no constant). The
/// smallest constant that makes a side hold over the sweep is the largest
/// need. Standard errors come from χ²'s and η's, as if independent.
struct NeededConstants {
  let lower: Estimate
  let talkLower: Estimate
  let upper: Estimate

  init?(_ point: SweepPoint) {
    guard let chi = point.chiSquare.estimate else { return nil }
    let e2 = point.energy, e4 = e2 * e2
    let eta = point.observability
    func need(_ coefficient: Double, _ sign: Double) -> Estimate {
      // sign +1: (k η ε² − χ²)/ε⁴; sign −1: (χ² − 4 ε²)/ε⁴.
      let value = sign > 0 ? (coefficient * eta.value * e2 - chi.value) / e4
        : (chi.value - 4 * e2) / e4
      let se = ((chi.standardError / e4) * (chi.standardError / e4)
        + (sign > 0 ? (coefficient * eta.standardError / e2) : 0)
          * (sign > 0 ? (coefficient * eta.standardError / e2) : 0)).squareRoot()
      return Estimate(value: max(0, value), standardError: se, samples: chi.samples)
    }
    lower = need(0.25, 1)
    talkLower = need(1, 1)
    upper = need(4, -1)
  }
}

/// The smallest constants over a sweep: the largest needs, with the point
/// that sets each.
struct SweepConstants {
  let lower: Estimate
  let talkLower: Estimate
  let upper: Estimate

  init(_ needs: [NeededConstants]) {
    func largest(_ key: KeyPath<NeededConstants, Estimate>) -> Estimate {
      needs.map { $0[keyPath: key] }.max { $0.value < $1.value } ?? .exact(0)
    }
    lower = largest(\.lower)
    talkLower = largest(\.talkLower)
    upper = largest(\.upper)
  }
}
