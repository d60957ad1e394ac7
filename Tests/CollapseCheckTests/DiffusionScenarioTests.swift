import Foundation
import Testing

@testable import DiffusionChecks
@testable import GirsanovObservability
@testable import Harness

/// Reading diffusion scenarios: every bad input is an `InputError` whose
/// one-line message names the problem.
@Suite struct DiffusionScenarioTests {
  /// A valid one-dimensional scenario as JSON text, with edits applied.
  func scenario(_ edits: [String: String] = [:]) -> String {
    var fields = [
      "name": "\"s\"",
      "data": #"{"kind": "gaussian", "dimension": 1, "mean": 0, "variance": 0.25}"#,
      "horizon": "5", "stopTime": "0.01", "steps": "100",
      "scoreError": #"{"kind": "constant", "value": 0.3}"#,
    ]
    for (key, value) in edits { fields[key] = value }
    return "{" + fields.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
      .map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
  }

  func read(_ text: String) throws -> DiffusionScenario {
    try DiffusionScenario(json: JSONValue.parse(Data(text.utf8), source: "f"), label: "f")
  }

  @Test func validScenarioRoundTrips() throws {
    let first = try read(scenario())
    #expect(first.data.dimension == 1)
    let again = try DiffusionScenario(json: first.json, label: "again")
    #expect(again.json == first.json)
    #expect(try read(scenario(["data": #"{"preset": "paper-mixture"}"#])).data.dimension == 10)
  }

  static let bad: [([String: String], String)] = [
    (["data": #"{"kind": "gaussian", "dimension": 2, "mean": [0, 1, 2], "variance": 1}"#],
     "coordinates"),
    (["data": #"{"kind": "mixture", "components": [{"weight": 0.5, "mean": [0], "variance": 1}, {"weight": 0.5, "mean": [0, 1], "variance": 1}]}"#],
     "dimension"),
    (["data": #"{"kind": "mixture", "components": [{"weight": -0.5, "mean": 0, "variance": 1}, {"weight": 1.5, "mean": 1, "variance": 1}]}"#],
     "weight"),
    (["data": #"{"kind": "mixture", "components": [{"weight": 0.5, "mean": 0, "variance": 1}, {"weight": 0.4, "mean": 1, "variance": 1}]}"#],
     "sum"),
    (["data": #"{"kind": "gaussian", "dimension": 1, "mean": 0, "variance": 0}"#],
     "variance"),
    (["data": #"{"preset": "paper-blend"}"#], "unknown preset"),
    (["stopTime": "0"], "'stopTime'"),
    (["stopTime": "-1"], "'stopTime'"),
    (["stopTime": "6"], "'horizon'"),
    (["steps": "0"], "'steps'"),
    (["steps": "2.5"], "'steps' must be an integer"),
    (["scoreError": #"{"kind": "quadratic"}"#], "'kind' must be one of"),
    (["scoreError": #"{"kind": "constant", "direction": [1, 0]}"#], "coordinates"),
    (["scoreError": "[]"], "empty"),
    (["scoreError": ""], "'scoreError' is required"),
    (["start": "\"uniform\""], "'start' must be one of"),
    (["colour": "1"], "unknown key 'colour'"),
  ]

  @Test(arguments: 0..<bad.count)
  func badScenarioNamesTheProblem(index: Int) {
    let (edits, fragment) = DiffusionScenarioTests.bad[index]
    do {
      _ = try read(scenario(edits))
      Issue.record("accepted a bad scenario: \(edits)")
    } catch let error as InputError {
      #expect(error.message.lowercased().contains(fragment.lowercased()),
        "\(error.message)")
      #expect(!error.message.contains("\n"))
    } catch {
      Issue.record("wrong error type: \(error)")
    }
  }

  @Test func defaultScenariosAreValid() {
    let theorem = GirsanovObservability()
    #expect(theorem.defaultScenarios.count == 3)
    #expect(theorem.defaultScenarios[2].isAblation)
  }
}
