import Foundation
import GSL
import Harness

/// The theorem's figures: Var Ŷᵢ against i for every scenario, and the
/// quantiles of σ̂²ᵢ that show each chain collapsing while the mean holds.
enum RefitFigures {
  static func all(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure] {
    [predictiveVariance(outcomes, rules: rules), collapse(outcomes)]
      .compactMap { $0 }
  }

  /// Exact curves and Monte Carlo points with simultaneous intervals, for
  /// the scenarios sharing the most common n (so the schemes compare on one
  /// scale). Points are drawn where the Monte Carlo mean is resolvable (see
  /// `RefitCheck.resolvable`), thinned to about 25 per scenario.
  static func predictiveVariance(_ all: [JudgedScenario],
    rules: VerdictRules) -> Figure?
  {
    let sizes = all.map { $0.outcome.scenario["samplesPerGeneration"] }
    guard let common = sizes.max(by: { a, b in
      sizes.filter { $0 == a }.count < sizes.filter { $0 == b }.count
    }) else { return nil }
    let outcomes = all.filter { $0.outcome.scenario["samplesPerGeneration"] == common }
    let z = Distribution.normalQuantile(1 - rules.simultaneousLevel / 2)
    var data: [(String, [[Double]])] = []
    var plots: [String] = []
    for (k, judged) in outcomes.enumerated() {
      let s = judged.outcome.series
      guard let i = s["generation"], let exact = s["exactPredictiveVariance"],
        let value = s["predictiveVariance"], let se = s["predictiveVarianceStderr"],
        let tail = s["tailFactor"]
      else { continue }
      let step = max(1, i.count / 25)
      // The claims' gate, with the base number of chains (before doublings).
      let limit = Double(judged.outcome.samples >> judged.stage) / 10
      let rows = i.indices.map { r -> [Double] in
        let shown = r % step == step - 1 || r == 0
        let ok = shown && (tail[r].isNaN || 12 * tail[r] <= limit)
        return [i[r], exact[r], ok ? value[r] : .nan, ok ? z * se[r] : .nan]
      }
      data.append(("s\(k)", rows))
      let name = judged.outcome.name
      plots.append("$s\(k) u 1:2 w l lc \(k + 1) lw 2 title '\(name) (exact)'")
      plots.append("$s\(k) u 1:3:4 w yerrorbars lc \(k + 1) pt 7 ps 0.4 "
        + "title '\(name) (Monte Carlo)'")
    }
    let script = """
      set title 'Variance of a fresh sample, Var Ŷ_i, by generation'
      set xlabel 'generation i'
      set ylabel 'Var Ŷ_i'
      set key inside left top
      set grid
      plot \(plots.joined(separator: ", \\\n  "))
      """
    return Figure(name: "predictive-variance", data: data, script: script)
  }

  /// The 10 %, 50 % and 90 % quantiles of σ̂²ᵢ (log scale) for the `replace`
  /// scenario with the most generations, against E σ̂²ᵢ.
  static func collapse(_ outcomes: [JudgedScenario]) -> Figure? {
    let replace = outcomes.filter {
      $0.outcome.scenario["scheme"] == .string("replace")
    }
    guard let judged = replace.max(by: {
      $0.outcome.series.rowCount < $1.outcome.series.rowCount
    }) else { return nil }
    let s = judged.outcome.series
    guard let i = s["generation"], let mean = s["exactMeanFittedVariance"],
      let q10 = s["fittedVarianceQ10"], let q50 = s["fittedVarianceQ50"],
      let q90 = s["fittedVarianceQ90"], let share = s["collapsedShare"]
    else { return nil }
    var sigma2 = 1.0
    if case .number(let v)? = judged.outcome.scenario["variance"] { sigma2 = v }
    let rows = i.indices.map {
      [i[$0], mean[$0] / sigma2, q10[$0] / sigma2, q50[$0] / sigma2, q90[$0] / sigma2,
       share[$0]]
    }
    let script = """
      set title 'Every chain collapses while the mean holds (\(judged.outcome.name))'
      set xlabel 'generation i'
      set ylabel 'fitted variance σ̂^2_i / σ^2'
      set logscale y
      set format y '10^{%L}'
      set y2label 'share of chains with σ̂^2_i < σ^2/10'
      set y2range [0:1]
      set y2tics
      set ytics nomirror
      set key inside left bottom opaque box
      set grid
      plot $q u 1:3:5 w filledcurves lc rgb '#bbccee' title '10%–90% of chains', \\
        $q u 1:4 w l lw 2 lc rgb '#4477aa' title 'median', \\
        $q u 1:2 w l lw 2 lc rgb 'black' title 'E σ̂^2_i (exact)', \\
        $q u 1:6 axes x1y2 w l lw 2 dt 2 lc rgb '#ee6677' title 'collapsed share'
      """
    return Figure(name: "collapse", data: [("q", rows)], script: script)
  }
}
