import Diffusion
import Harness

/// A scenario of the diffusion theorems (THEORY.md §1–3): the data law, the
/// time grid, the start, one or more score errors with a common scale λ,
/// and the Monte Carlo sizes.
///
/// Keys: `name`, `data` (see `DataSpec`), `horizon` (T), `stopTime` (t₀),
/// `steps`, `start` (`exact` | `standard-normal`), `scoreError` (one object
/// or a list; see `ScoreErrorSpec`), `errorScale` (λ), `paths` (reverse
/// paths), `endpointSamples` and `innerPaths` (the nested estimator's outer
/// draws y and inner paths per half).
public struct DiffusionScenario {
  public var name: String
  public var data: GaussianMixture
  public var dataJSON: JSONValue
  public var horizon: Double
  public var stopTime: Double
  public var steps: Int
  public var start: ReverseDiffusion.Start
  public var scoreErrors: [ScoreErrorSpec]
  /// Whether `scoreError` was given as a list (an ablation).
  public var isAblation: Bool
  public var errorScale: Double
  public var paths: Int
  public var endpointSamples: Int
  public var innerPaths: Int

  /// Reads and validates a scenario; throws `InputError` naming the key.
  public init(json: JSONValue, label: String) throws {
    var reader = try ScenarioReader(json, label: label)
    name = try reader.string("name", default: "custom")
    (data, dataJSON) = try DataSpec.read(reader.value("data"), label: label)
    horizon = try reader.number("horizon", default: 4)
    stopTime = try reader.number("stopTime", default: 0.02)
    steps = try reader.integer("steps", default: 500)
    let startName = try reader.choice("start", from: ["exact", "standard-normal"],
      default: "exact")
    start = startName == "exact" ? .exact : .standardNormal
    errorScale = try reader.number("errorScale", default: 1)
    paths = try reader.integer("paths", default: 20_000)
    endpointSamples = try reader.integer("endpointSamples", default: 2_000)
    innerPaths = try reader.integer("innerPaths", default: 16)
    guard stopTime > 0 else { throw reader.error("'stopTime' t₀ must be positive") }
    guard horizon > stopTime else {
      throw reader.error("'horizon' T must exceed 'stopTime' t₀")
    }
    guard horizon <= 50 else { throw reader.error("'horizon' must be at most 50") }
    guard (1...100_000).contains(steps) else {
      throw reader.error("'steps' must be from 1 to 100000")
    }
    guard paths >= 100, endpointSamples >= 10, innerPaths >= 1 else {
      throw reader.error("need paths ≥ 100, endpointSamples ≥ 10, innerPaths ≥ 1")
    }
    let errors: [JSONValue]
    switch reader.value("scoreError") {
    case .array(let list)?: errors = list; isAblation = true
    case let single?: errors = [single]; isAblation = false
    case nil: throw reader.error("'scoreError' is required")
    }
    guard !errors.isEmpty else { throw reader.error("'scoreError' list is empty") }
    guard errors.count <= 8 else {
      throw reader.error("'scoreError' lists at most 8 errors, got \(errors.count)")
    }
    let (data, horizon) = (self.data, self.horizon)
    scoreErrors = try errors.map {
      try ScoreErrorSpec.read($0, data: data, horizon: horizon, label: label)
    }
    try reader.finish()
  }

  /// The scenario with every key written out.
  public var json: JSONValue {
    let errors = scoreErrors.map(\.json)
    return .object([
      ("name", .string(name)), ("data", dataJSON), ("horizon", .number(horizon)),
      ("stopTime", .number(stopTime)), ("steps", .integer(steps)),
      ("start", .string(start == .exact ? "exact" : "standard-normal")),
      ("scoreError", isAblation ? .array(errors) : errors[0]),
      ("errorScale", .number(errorScale)), ("paths", .integer(paths)),
      ("endpointSamples", .integer(endpointSamples)), ("innerPaths", .integer(innerPaths)),
    ])
  }

  /// The reverse sampler for one of the scenario's errors at scale λ.
  public func sampler(_ error: ScoreErrorSpec, scale: Double? = nil) throws
    -> ReverseDiffusion
  {
    do {
      return try ReverseDiffusion(
        data: data, scoreError: error.model.withErrorScale(scale ?? errorScale),
        horizon: horizon, stopTime: stopTime, steps: steps, start: start)
    } catch let failure as DiffusionInputError {
      throw InputError("scenario '\(name)': \(failure.message)")
    }
  }
}
