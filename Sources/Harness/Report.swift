import GSL
import MonteCarlo

/// The program version written into every report.
public let programVersion = "0.1.0"

/// The JSON report of one theorem (`results/<id>.json`).
///
/// Layout: `theorem`, `title`, `programVersion`, `generator`, `seed`,
/// `profile`, `familyWiseRate`, `familySize`, `confidenceLevel` (of every
/// interval: the simultaneous level 1 − rate/m), `scenarios` (each resolved
/// scenario with its sample size, doublings, notes and per-generation
/// `series`), and `checks`: every claim with `scenario`, `id`, `claim`,
/// `verdict`, `control`, `pValue` and `quantities` (name → `value`,
/// `stderr`, `ciLow`, `ciHigh`, `exact`, `reason` as they apply).
public func theoremReport(_ theorem: AnyTheorem, result: RunResult) -> JSONValue {
  let rules = result.rules
  let mine = result.scenarios.filter { $0.theoremID == theorem.id }
  let scenarios: [JSONValue] = mine.map { judged in
    let o = judged.outcome
    return .object([
      ("name", .string(o.name)),
      ("scenario", o.scenario),
      ("samples", .integer(o.samples)),
      ("sampleUnit", .string(o.sampleUnit)),
      ("doublings", .integer(judged.stage)),
      ("notes", .array(o.notes.map(JSONValue.string))),
      ("series", .object(o.series.columns.map {
        ($0.0, .array($0.1.map(JSONValue.finite)))
      })),
    ])
  }
  let checks: [JSONValue] = mine.flatMap { judged in
    zip(judged.outcome.claims, judged.verdicts).map { claim, verdict in
      checkJSON(claim, verdict: verdict, scenario: judged.outcome.name,
        rules: rules)
    }
  }
  return .object([
    ("theorem", .string(theorem.id)),
    ("title", .string(theorem.title)),
    ("programVersion", .string(programVersion)),
    ("generator", .string("gsl_rng_\(RandomStream.generatorName)")),
    ("gslVersion", .string(gslVersion)),
    ("seed", .integer(Int(truncatingIfNeeded: result.request.seed))),
    ("profile", .string(result.request.profile.rawValue)),
    ("familyWiseRate", .number(rules.familyWiseRate)),
    ("familySize", .integer(rules.familySize)),
    ("confidenceLevel", .number(1 - rules.simultaneousLevel)),
    ("scenarios", .array(scenarios)),
    ("checks", .array(checks)),
  ])
}

func checkJSON(_ claim: Claim, verdict: Verdict, scenario: String,
  rules: VerdictRules) -> JSONValue
{
  var fields: [(String, JSONValue)] = [
    ("scenario", .string(scenario)),
    ("id", .string(claim.id)),
    ("claim", .string(claim.statement)),
    ("verdict", .string(verdict.rawValue)),
    ("control", .bool(claim.isControl)),
  ]
  if let p = VerdictRules.pValue(claim.test) { fields.append(("pValue", .number(p))) }
  if case .undefined(let reason) = claim.test {
    fields.append(("reason", .string(reason)))
  }
  fields.append(("quantities", .object(claim.quantities.map {
    ($0.0, quantityJSON($0.1, rules: rules))
  })))
  return .object(fields)
}

func quantityJSON(_ q: Quantity, rules: VerdictRules) -> JSONValue {
  var fields: [(String, JSONValue)] = []
  if let value = q.value { fields.append(("value", .finite(value))) }
  if let se = q.standardError, let value = q.value {
    fields.append(("stderr", .finite(se)))
    let ci = rules.interval(Estimate(value: value, standardError: se, samples: 0))
    fields.append(("ciLow", .finite(ci.lowerBound)))
    fields.append(("ciHigh", .finite(ci.upperBound)))
  }
  if let exact = q.exact { fields.append(("exact", .finite(exact))) }
  if let reason = q.reason { fields.append(("reason", .string(reason))) }
  return .object(fields)
}
