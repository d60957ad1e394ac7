import Diffusion
import DiffusionChecks
import Foundation
import Harness

/// A scenario of `two-sided-chi2`: a diffusion scenario with one score
/// error, swept over its scale λ so that ε² runs from `smallest` to
/// `largest`.
///
/// Keys: every key of `DiffusionScenario` (with a single `scoreError`;
/// `errorScale` is ignored in favour of the sweep), plus
///
///     "sweep": {"smallest": 1e-4, "largest": 1, "points": 12,
///               "signs": "both" | "positive"}
///     "talkForm": "holds" | "fails" | "untested"
///
/// `points` (12 to 60) log-spaced values of ε² per sign. `talkForm` states what
/// the scenario expects of the talk's lower bound η ε² − C ε⁴ ≤ χ²: with
/// "fails" its claim is a negative control that must FAIL; "untested"
/// reports the needed constants without a verdict (UNDEFINED).
public struct SweepScenario {
  var base: DiffusionScenario
  var smallest: Double
  var largest: Double
  var points: Int
  var bothSigns: Bool
  var talkForm: TalkForm

  var name: String { base.name }
  var error: ScoreErrorSpec { base.scoreErrors[0] }

  init(json: JSONValue, label: String) throws {
    guard case .object(let pairs) = json else {
      throw InputError("\(label): a scenario must be a JSON object")
    }
    var rest = pairs.filter { $0.0 != "sweep" && $0.0 != "talkForm" }
    if !rest.contains(where: { $0.0 == "errorScale" }) {
      rest.append(("errorScale", .number(1)))
    }
    base = try DiffusionScenario(json: .object(rest), label: label)
    guard !base.isAblation else {
      throw InputError("\(label): two-sided-chi2 takes a single 'scoreError'")
    }
    var sweep = try ScenarioReader(json["sweep"] ?? .object([]), label: "\(label): sweep")
    smallest = try sweep.number("smallest", default: 1e-4)
    largest = try sweep.number("largest", default: 1)
    points = try sweep.integer("points", default: 12)
    bothSigns = try sweep.choice("signs", from: ["both", "positive"], default: "both")
      == "both"
    try sweep.finish()
    var top = try ScenarioReader(.object(pairs.filter { $0.0 == "talkForm" }),
      label: label)
    talkForm = TalkForm(rawValue: try top.choice("talkForm",
      from: TalkForm.allCases.map(\.rawValue), default: "holds"))!
    try top.finish()
    guard smallest > 0, largest > smallest, largest.isFinite else {
      throw sweep.error("need 0 < smallest < largest (values of ε²)")
    }
    guard points >= 12, points <= 60 else {
      throw sweep.error("'points' must be from 12 to 60, got \(points)")
    }
  }

  var json: JSONValue {
    guard case .object(var fields) = base.json else { return base.json }
    fields.removeAll { $0.0 == "errorScale" }
    fields.append(("sweep", .object([
      ("smallest", .number(smallest)), ("largest", .number(largest)),
      ("points", .integer(points)), ("signs", .string(bothSigns ? "both" : "positive")),
    ])))
    fields.append(("talkForm", .string(talkForm.rawValue)))
    return .object(fields)
  }

  /// The scales λ of the sweep, given ε² at λ = 1: ε² = λ² ε₁², so
  /// λ = ±√(ε²/ε₁²) on a log grid of ε². Throws when ε₁² = 0 (the error
  /// cannot reach the range).
  func scales(unitEnergy: Double) throws -> [Double] {
    guard unitEnergy > 0, unitEnergy.isFinite else {
      throw InputError("scenario '\(name)': the error has ε² = 0 at every scale, so the "
        + "sweep range [\(smallest), \(largest)] cannot be reached")
    }
    let ratio = log(largest / smallest) / Double(points - 1)
    let positive = (0..<points).map {
      (smallest * exp(Double($0) * ratio) / unitEnergy).squareRoot()
    }
    return bothSigns ? positive.reversed().map { -$0 } + positive : positive
  }
}

/// What a scenario expects of the talk's form of the lower bound.
public enum TalkForm: String, CaseIterable {
  case holds, fails, untested
}
