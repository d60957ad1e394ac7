import Harness

/// The default scenarios of `two-sided-chi2`: one-dimensional Gaussian data
/// N(0, 0.25), T = 5, t₀ = 0.01, exact start, with a linear error λ·0.3·x
/// (where the talk's form fails) and a constant error (closed forms), and
/// the paper's mixture with the aligned-linear and the tanh errors (nested
/// Monte Carlo, on a coarser grid of 200 steps to keep the run short).
enum TwoSidedScenarios {
  static let json: [JSONValue] = [
    gaussian("gaussian-linear", .object([("kind", .string("linear")), ("slope", .number(0.3))]),
      signs: "both", talkForm: "fails"),
    gaussian("gaussian-constant",
      .object([("kind", .string("constant")), ("value", .number(0.3))]),
      signs: "positive", talkForm: "holds"),
    paper("paper-aligned", .object([("kind", .string("aligned-linear")),
      ("slope", .number(0.3)), ("direction", .string("leading"))]), signs: "both"),
    paper("paper-tanh", .object([("kind", .string("tanh")), ("height", .number(0.3))]),
      signs: "positive"),
  ]

  static func sweep(_ signs: String) -> JSONValue {
    .object([("smallest", .number(1e-4)), ("largest", .number(1)), ("points", .integer(12)),
      ("signs", .string(signs))])
  }

  static func gaussian(_ name: String, _ error: JSONValue, signs: String,
    talkForm: String) -> JSONValue
  {
    .object([
      ("name", .string(name)),
      ("data", .object([("kind", .string("gaussian")), ("dimension", .integer(1)),
        ("mean", .number(0)), ("variance", .number(0.25))])),
      ("horizon", .number(5)), ("stopTime", .number(0.01)), ("steps", .integer(1000)),
      ("start", .string("exact")), ("scoreError", error), ("paths", .integer(2_000)),
      ("endpointSamples", .integer(300)), ("innerPaths", .integer(8)),
      ("sweep", sweep(signs)), ("talkForm", .string(talkForm)),
    ])
  }

  static func paper(_ name: String, _ error: JSONValue, signs: String) -> JSONValue {
    .object([
      ("name", .string(name)), ("data", .object([("preset", .string("paper-mixture"))])),
      ("horizon", .number(4)), ("stopTime", .number(0.02)), ("steps", .integer(200)),
      ("start", .string("exact")), ("scoreError", error), ("paths", .integer(2_000)),
      ("endpointSamples", .integer(400)), ("innerPaths", .integer(16)),
      ("sweep", sweep(signs)), ("talkForm", .string("untested")),
    ])
  }
}
