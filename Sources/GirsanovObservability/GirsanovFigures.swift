import GSL
import Harness

/// The theorem's figures: η by error with intervals, estimated against
/// exact r(y), and the weak-error convergence of Euler–Maruyama.
enum GirsanovFigures {
  static func all(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure] {
    let z = Distribution.normalQuantile(1 - rules.simultaneousLevel / 2)
    return [observability(outcomes, z: z), ratio(outcomes, z: z), convergence(outcomes)]
      .compactMap { $0 }
  }

  /// Nested and regression η for every error of every scenario.
  static func observability(_ outcomes: [JudgedScenario], z: Double) -> Figure? {
    var rows: [[Double]] = [], labels: [String] = []
    for judged in outcomes {
      let s = judged.outcome.series
      guard let eta = s["observability"], let se = s["observabilityStderr"],
        let reg = s["regressionObservability"], let regSE = s["regressionObservabilityStderr"]
      else { continue }
      let names = errorLabels(judged)
      for k in eta.indices {
        rows.append([Double(rows.count), eta[k], z * se[k], reg[k], z * regSE[k]])
        labels.append("\(judged.outcome.name)\\n\(names[k])")
      }
    }
    guard !rows.isEmpty else { return nil }
    let tics = labels.enumerated().map { "\"\($0.1)\" \($0.0)" }.joined(separator: ", ")
    let script = """
      set title 'Observability η by error (simultaneous intervals)'
      set ylabel 'η'
      set yrange [-0.1:1.1]
      set xrange [-0.5:\(Double(rows.count) - 0.5)]
      set xtics (\(tics)) font ',9'
      set key top right
      set grid y
      plot $e u ($1-0.1):2:3 w yerrorbars pt 7 lc rgb '#4477aa' title 'nested Monte Carlo', \\
        $e u ($1+0.1):4:5 w yerrorbars pt 5 lc rgb '#ee6677' title 'cross-fitted regression'
      """
    return Figure(name: "observability", data: [("e", rows)], script: script)
  }

  /// The error labels of a scenario, from its resolved JSON.
  static func errorLabels(_ judged: JudgedScenario) -> [String] {
    let errors: [JSONValue]
    switch judged.outcome.scenario["scoreError"] {
    case .array(let list)?: errors = list
    case let single?: errors = [single]
    case nil: errors = []
    }
    return errors.map { error in
      if case .string(let label)? = error["label"] { return label }
      return "error"
    }
  }

  /// Nested r̂(y) against the exact ratio, one panel line per scenario.
  static func ratio(_ outcomes: [JudgedScenario], z: Double) -> Figure? {
    var data: [(String, [[Double]])] = [], plots: [String] = []
    for (k, judged) in outcomes.enumerated() {
      let s = judged.outcome.series
      guard let y = s["ratioPoint"], let exact = s["exactRatio"],
        let value = s["estimatedRatio"], let se = s["estimatedRatioStderr"]
      else { continue }
      data.append(("r\(k)", y.indices.map { [y[$0], exact[$0], value[$0], z * se[$0]] }))
      let name = judged.outcome.name
      plots.append("$r\(k) u 1:2 w lp lw 2 lc \(k + 1) pt 6 title '\(name): exact'")
      plots.append("$r\(k) u 1:3:4 w yerrorbars lc \(k + 1) pt 7 title '\(name): nested'")
    }
    guard !data.isEmpty else { return nil }
    let script = """
      set title 'Endpoint density ratio r(y) = E[e^Z | Y_{t_0} = y]'
      set xlabel 'y'
      set ylabel 'r(y)'
      set key top left
      set grid
      plot \(plots.joined(separator: ", \\\n  "))
      """
    return Figure(name: "endpoint-ratio", data: data, script: script)
  }

  /// Weak error of the exact discrete law against h, log–log, with a
  /// slope-one guide.
  static func convergence(_ outcomes: [JudgedScenario]) -> Figure? {
    var data: [(String, [[Double]])] = [], plots: [String] = []
    for (k, judged) in outcomes.enumerated() {
      let s = judged.outcome.series
      guard let h = s["stepSize"], let error = s["weakError"], !h.isEmpty else { continue }
      data.append(("w\(k)", h.indices.map { [h[$0], error[$0]] }))
      plots.append("$w\(k) u 1:2 w lp lw 2 pt 7 lc \(k + 1) "
        + "title '\(judged.outcome.name)'")
      plots.append("$w\(k) u 1:(\(error[0] / h[0])*$1) w l dt 2 lc \(k + 1) "
        + "title 'slope 1'")
    }
    guard !data.isEmpty else { return nil }
    let script = """
      set title 'Euler–Maruyama: weak error of the endpoint law against step size'
      set xlabel 'step size h'
      set ylabel '|mean error| + |variance error|'
      set logscale xy
      set key top left
      set grid
      plot \(plots.joined(separator: ", \\\n  "))
      """
    return Figure(name: "weak-convergence", data: data, script: script)
  }
}
