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
    /// (k η ε² − χ²)/ε⁴, floored at 0.
    func lowerNeed(_ k: Double) -> Estimate {
      floored((1 / e4) * ((k * e2) * eta - chi))
    }
    lower = lowerNeed(0.25)
    talkLower = lowerNeed(1)
    upper = floored((1 / e4) * (chi - .exact(4 * e2)))
  }
}

/// A need that is already met is 0; it keeps its standard error.
private func floored(_ e: Estimate) -> Estimate {
  Estimate(value: max(0, e.value), standardError: e.standardError, samples: e.samples)
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
