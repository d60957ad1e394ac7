import Foundation

/// Text renderings of a run: the terminal verdict table, `REPORT.md` and
/// the per-theorem CSV of series.
public enum Summary {
  /// The verdict table printed at the end of a run.
  public static func verdictTable(_ result: RunResult) -> String {
    var rows: [[String]] = [["verdict", "theorem / scenario / claim", "claim"]]
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts) {
        let label = claim.isControl ? "\(verdict.rawValue) (control)" : verdict.rawValue
        rows.append([label,
          "\(judged.theoremID) / \(judged.outcome.name) / \(claim.id)",
          claim.statement])
      }
    }
    let widths = (0..<2).map { c in rows.map { $0[c].count }.max() ?? 0 }
    var text = rows.map { row in
      row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
        + row[1].padding(toLength: widths[1], withPad: " ", startingAt: 0)
        + "  " + row[2]
    }.joined(separator: "\n")
    text += "\n\n" + footer(result) + "\n"
    return text
  }

  /// Counts of verdicts and the rule used, in one paragraph.
  static func footer(_ result: RunResult) -> String {
    var claims = [Verdict: Int](), controls = [Verdict: Int]()
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts) {
        if claim.isControl { controls[verdict, default: 0] += 1 }
        else { claims[verdict, default: 0] += 1 }
      }
    }
    func count(_ d: [Verdict: Int]) -> String {
      [Verdict.pass, .fail, .inconclusive, .undefined]
        .map { "\(d[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }
    let rules = result.rules
    var text = "Claims: \(count(claims)). Negative controls: \(count(controls)).\n"
    text += "Rule: Holm–Bonferroni over \(rules.familySize) tests at family-wise "
      + "rate \(short(rules.familyWiseRate)); intervals are simultaneous at "
      + "level 1 − \(short(rules.simultaneousLevel)). Seed \(result.request.seed), "
      + "profile \(result.request.profile.rawValue)."
    let powerless = result.scenarios.flatMap { judged in
      judged.powerlessControls.map { "\(judged.theoremID)/\(judged.outcome.name)/\($0.id)" }
    }
    if !powerless.isEmpty {
      text += "\nPOWERLESS: these controls did not fail, so their checks cannot "
        + "tell a wrong claim from a right one: " + powerless.joined(separator: ", ")
    }
    return text
  }

  /// The per-generation series of a theorem's scenarios as CSV, one row per
  /// point, with the scenario name as the first column.
  public static func seriesCSV(_ theoremID: String, _ result: RunResult) -> String {
    let mine = result.scenarios.filter { $0.theoremID == theoremID }
    var names: [String] = []
    for judged in mine {
      for (name, _) in judged.outcome.series.columns where !names.contains(name) {
        names.append(name)
      }
    }
    var text = (["scenario"] + names).joined(separator: ",") + "\n"
    for judged in mine {
      let series = judged.outcome.series
      for row in 0..<series.rowCount {
        let cells = names.map { name -> String in
          guard let column = series[name], row < column.count,
            column[row].isFinite
          else { return "" }
          return "\(column[row])"
        }
        text += ([judged.outcome.name] + cells).joined(separator: ",") + "\n"
      }
    }
    return text
  }

  /// `REPORT.md`: a table of every claim and verdict, then one section per
  /// theorem with its scenarios, numbers, notes and figures.
  public static func markdown(
    _ result: RunResult, theorems: [AnyTheorem], figures: [String: [String]]
  ) -> String {
    let rules = result.rules
    var text = "# CollapseCheck report\n\n"
    text += footer(result) + "\n\n"
    text += "| verdict | theorem | scenario | claim | statement |\n"
    text += "|---|---|---|---|---|\n"
    for judged in result.scenarios {
      for (claim, verdict) in zip(judged.outcome.claims, judged.verdicts) {
        let label = claim.isControl ? "\(verdict.rawValue) (control)" : verdict.rawValue
        text += "| \(label) | \(judged.theoremID) | \(judged.outcome.name) "
          + "| \(claim.id) | \(escape(claim.statement)) |\n"
      }
    }
    for theorem in theorems {
      text += "\n## \(theorem.title) (`\(theorem.id)`)\n\n\(theorem.summary)\n"
      for judged in result.scenarios where judged.theoremID == theorem.id {
        let o = judged.outcome
        text += "\n### Scenario `\(o.name)`\n\n"
        text += "\(o.samples) \(o.sampleUnit) (sample doubled \(judged.stage) "
          + "time\(judged.stage == 1 ? "" : "s")). Parameters: "
          + "`\(compact(o.scenario))`\n\n"
        for note in o.notes { text += "- Note: \(note)\n" }
        if !o.notes.isEmpty { text += "\n" }
        text += "| claim | verdict | numbers |\n|---|---|---|\n"
        for (claim, verdict) in zip(o.claims, judged.verdicts) {
          let numbers = claim.quantities.map {
            "\($0.0) = \(describe($0.1, rules: rules))"
          }.joined(separator: "; ")
          let label = claim.isControl ? "\(verdict.rawValue) (control)" : verdict.rawValue
          text += "| \(escape(claim.statement)) | \(label) | \(escape(numbers)) |\n"
        }
      }
      for file in figures[theorem.id] ?? [] {
        text += "\n![\(file)](\(file))\n"
      }
    }
    return text
  }

  /// A JSON value on one line, for a table cell.
  static func compact(_ value: JSONValue) -> String {
    value.serialized().replacingOccurrences(of: "\n", with: " ")
      .replacingOccurrences(of: "  ", with: "")
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "|", with: "\\|")
  }
}
