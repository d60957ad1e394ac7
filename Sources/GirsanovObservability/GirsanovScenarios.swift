import DiffusionChecks
import Harness

/// The default scenarios of `girsanov-observability`: two one-dimensional
/// Gaussian cases with closed forms, and the paper's ablation on its 10-D
/// mixture.
enum GirsanovScenarios {
  static let json: [JSONValue] = [
    gaussian(name: "gaussian-constant",
      error: .object([("kind", .string("constant")), ("value", .number(0.3))])),
    gaussian(name: "gaussian-linear",
      error: .object([("kind", .string("linear")), ("slope", .number(0.3))])),
    .object([
      ("name", .string("paper-ablation")),
      ("data", .object([("preset", .string("paper-mixture"))])),
      ("horizon", .number(4)), ("stopTime", .number(0.02)), ("steps", .integer(500)),
      ("start", .string("exact")),
      ("scoreError", .array([
        .object([("kind", .string("aligned-linear")), ("label", .string("aligned")),
          ("slope", .number(0.3)), ("direction", .string("leading"))]),
        .object([("kind", .string("aligned-linear")), ("label", .string("random")),
          ("slope", .number(0.3)), ("direction", .string("random"))]),
        .object([("kind", .string("oscillating")), ("label", .string("oscillating")),
          ("amplitude", .number(0.3)), ("cycles", .number(4))]),
      ])),
      ("errorScale", .number(1)), ("paths", .integer(20_000)),
      ("endpointSamples", .integer(2_500)), ("innerPaths", .integer(8)),
    ]),
  ]

  /// One-dimensional data N(0, 0.25), T = 5, t₀ = 0.01, exact start.
  static func gaussian(name: String, error: JSONValue) -> JSONValue {
    .object([
      ("name", .string(name)),
      ("data", .object([("kind", .string("gaussian")), ("dimension", .integer(1)),
        ("mean", .number(0)), ("variance", .number(0.25))])),
      ("horizon", .number(5)), ("stopTime", .number(0.01)), ("steps", .integer(1000)),
      ("start", .string("exact")), ("scoreError", error), ("errorScale", .number(1)),
      ("paths", .integer(20_000)), ("endpointSamples", .integer(2_000)),
      ("innerPaths", .integer(16)),
    ])
  }
}
