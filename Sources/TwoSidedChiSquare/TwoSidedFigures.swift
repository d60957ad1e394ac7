import Harness

/// The theorem's figures: χ² against ε² on log–log axes with the lines
/// ¼ η ε², η ε² and 4 ε², one panel per scenario (after the paper's
/// Figure 4), and the constants each point needs.
enum TwoSidedFigures {
  static func all(_ outcomes: [JudgedScenario]) -> [Figure] {
    [chiSquare(outcomes), constants(outcomes)].compactMap { $0 }
  }

  /// Rows (ε², |χ²|, η, sign of λ) of a scenario, finite χ² only.
  static func rows(_ judged: JudgedScenario) -> [[Double]] {
    let s = judged.outcome.series
    guard let e2 = s["pathEnergy"], let chi = s["endpointChiSquare"],
      let eta = s["observability"], let scale = s["errorScale"]
    else { return [] }
    return e2.indices.filter { chi[$0].isFinite }.map {
      [e2[$0], abs(chi[$0]), eta[$0], scale[$0] > 0 ? 1 : -1]
    }
  }

  static func chiSquare(_ outcomes: [JudgedScenario]) -> Figure? {
    let panels = outcomes.filter { !rows($0).isEmpty }
    guard !panels.isEmpty else { return nil }
    let columns = min(2, panels.count), lines = (panels.count + 1) / 2
    var script = "set multiplot layout \(lines),\(columns)\n"
    var data: [(String, [[Double]])] = []
    for (k, judged) in panels.enumerated() {
      data.append(("p\(k)", rows(judged)))
      script += """
        set title '\(judged.outcome.name)'
        set logscale xy
        set format xy '10^{%L}'
        set xlabel 'ε^2'
        set ylabel 'χ^2'
        set key top left font ',8'
        set grid
        plot $p\(k) u 1:($4>0?$2:1/0) w p pt 7 lc rgb '#4477aa' title 'χ^2, λ > 0', \\
          $p\(k) u 1:($4<0?$2:1/0) w p pt 5 lc rgb '#ee6677' title 'χ^2, λ < 0', \\
          $p\(k) u 1:($3*$1/4) w l dt 2 lc rgb 'gray30' title '¼ηε^2', \\
          $p\(k) u 1:($3*$1) w l lc rgb 'gray30' title 'ηε^2', \\
          $p\(k) u 1:(4*$1) w l lw 2 lc rgb 'black' title '4ε^2'

        """
    }
    script += "unset multiplot"
    return Figure(name: "chi-square-sweep", data: data, script: script)
  }

  static func constants(_ outcomes: [JudgedScenario]) -> Figure? {
    var data: [(String, [[Double]])] = [], plots: [String] = []
    for (k, judged) in outcomes.enumerated() {
      let s = judged.outcome.series
      guard let e2 = s["pathEnergy"], let talk = s["neededTalkLowerConstant"],
        let lower = s["neededLowerConstant"]
      else { continue }
      data.append(("c\(k)", e2.indices.map { [e2[$0], talk[$0], lower[$0]] }))
      plots.append("$c\(k) u 1:($2>0?$2:1/0) w lp pt 7 lc \(k + 1) "
        + "title '\(judged.outcome.name): talk (ηε^2)'")
      plots.append("$c\(k) u 1:($3>0?$3:1/0) w lp pt 4 dt 2 lc \(k + 1) "
        + "title '\(judged.outcome.name): paper (¼ηε^2)'")
    }
    guard !data.isEmpty else { return nil }
    let script = """
      set title 'Constant C each lower bound needs at each ε (zero needs not drawn)'
      set logscale xy
      set format xy '10^{%L}'
      set xlabel 'ε^2'
      set ylabel 'needed C'
      set key outside right top font ',8'
      set grid
      plot \(plots.joined(separator: ", \\\n  "))
      """
    return Figure(name: "needed-constants", data: data, script: script)
  }
}
