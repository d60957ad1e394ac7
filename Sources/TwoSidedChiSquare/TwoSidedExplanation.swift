import Diffusion
import DiffusionChecks
import Foundation
import Harness

/// `collapse-check explain two-sided-chi2`: the proof idea of the two-sided
/// bound, with exact numbers on one-dimensional Gaussian data.
enum TwoSidedExplanation {
  static func text(context: CheckContext) throws -> String {
    let scenario = try SweepScenario(json: TwoSidedScenarios.json[0], label: "explain")
    let gaussian = GaussianCase(scenario.base, scenario.error)!
    let eta = try gaussian.exactObservability()
    var text = """
      The two-sided χ² bound, step by step: data N(0, 0.25), T = 5, t₀ = 0.01,
      exact start, score error e = λ·0.3·x. Every number below is exact.

      Step 1. The endpoint density ratio is the conditional path density:
      r(y) = E_P[e^Z | Y_{t₀} = y], with Z = M − ½⟨M⟩ (Girsanov). So
      χ²(p̂ ‖ Law Y_{t₀}) = E[(r − 1)²].

      Step 2. Expand e^Z = 1 + M + O(ε²): r − 1 = E[M | Y_{t₀}] + O(ε²). Squaring
      and averaging, χ² = Var(E[M | Y_{t₀}]) + O(ε³) = η ε² + O(ε³), where
      η = Var(E[M | Y_{t₀}])/ε² = \(short(eta)) here.

      Step 3. The lower bound keeps only part of the leading term: the
      paper proves ¼ η ε² − C ε⁴ ≤ χ², and the ¼ leaves room for the ε³
      term. The talk writes η ε² − C ε⁴ ≤ χ²; that needs
      C ≥ (η ε² − χ²)/ε⁴, which grows like |κ|/ε when χ² = η ε² + κ ε³ with κ < 0:

      """
    for sign in [1.0, -1.0] {
      for e2 in [1e-2, 1e-3, 1e-4] {
        let unit = try gaussian.linear(scale: 1).pathEnergy()
        let scale = sign * (e2 / unit).squareRoot()
        let model = try gaussian.linear(scale: scale)
        let energy = try model.pathEnergy()
        guard let chi = try model.chiSquare().estimate?.value else { continue }
        let talk = (eta * energy - chi) / (energy * energy)
        let paper = (0.25 * eta * energy - chi) / (energy * energy)
        text += "    λ = \(String(format: "%+.4f", scale)), ε² = \(short(energy)): "
          + "χ²/ε² = \(short(chi / energy)), talk needs C = \(short(max(0, talk))), "
          + "paper needs C = \(short(max(0, paper)))\n"
      }
    }
    text += """

      On one sign of λ the talk's constant keeps growing as ε → 0; the paper's
      is 0 there, because ¼ η ε² sits far below χ² ≈ η ε².

      Step 4. The upper bound 4 ε² + c ε⁴ follows from χ² ≤ E_P[e^{2Z}] − 1
      (Jensen on r = E[e^Z | ·]) and a moment bound on e^{2Z}; the check
      reports the smallest c over the sweep.

      The full check: collapse-check run two-sided-chi2
      """
    return text
  }
}
