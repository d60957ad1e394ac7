import MonteCarlo

/// How hard a run works: `quick` is the default; `full` multiplies sample
/// sizes by 36, which narrows every Monte Carlo interval about sixfold (at
/// least fivefold once the noise of the standard errors themselves is
/// allowed for).
public enum Profile: String, CaseIterable, Sendable {
  case quick, full

  /// The factor applied to every sample size.
  public var sampleFactor: Int { self == .quick ? 1 : 36 }
  /// How many times a check may double its sample before FAIL/INCONCLUSIVE.
  public var maxDoublings: Int { self == .quick ? 3 : 1 }
}

/// What a check needs to know about the run it belongs to.
public struct CheckContext: Sendable {
  public let runner: BlockRunner
  public let profile: Profile
  /// How many times the sample has been doubled (0 on the first pass).
  public let stage: Int
  /// The first stream index of this check; blocks use the ones after it.
  public let streamBase: UInt64

  public init(runner: BlockRunner, profile: Profile, stage: Int,
    streamBase: UInt64)
  {
    self.runner = runner
    self.profile = profile
    self.stage = stage
    self.streamBase = streamBase
  }

  /// The multiplier for every sample size: profile factor times 2^stage.
  public var sampleScale: Int { profile.sampleFactor << stage }
}

/// Per-generation (or per-point) columns of numbers, in order.
public struct Series {
  public var columns: [(String, [Double])] = []
  public init(_ columns: [(String, [Double])] = []) { self.columns = columns }
  /// The length of the longest column (shorter ones end early).
  public var rowCount: Int { columns.map(\.1.count).max() ?? 0 }
  public subscript(name: String) -> [Double]? {
    columns.first { $0.0 == name }?.1
  }
}

/// Everything one scenario's check produced.
public struct ScenarioOutcome {
  public var name: String
  /// The resolved scenario, every key present.
  public var scenario: JSONValue
  public var claims: [Claim]
  public var series: Series
  /// The Monte Carlo sample size used (chains, paths, ...), and its unit.
  public var samples: Int
  public var sampleUnit: String
  /// Remarks for the reader: what was not checked and why.
  public var notes: [String]

  public init(name: String, scenario: JSONValue, claims: [Claim],
    series: Series, samples: Int, sampleUnit: String, notes: [String] = [])
  {
    self.name = name
    self.scenario = scenario
    self.claims = claims
    self.series = series
    self.samples = samples
    self.sampleUnit = sampleUnit
    self.notes = notes
  }
}

/// One theorem the harness checks: its scenarios, the check that turns a
/// scenario into claims, its figures, and a live walk through its proof.
public protocol Theorem {
  associatedtype Scenario
  var id: String { get }
  var title: String { get }
  /// One paragraph: the statement in words.
  var summary: String { get }
  var defaultScenarios: [Scenario] { get }
  /// Reads and validates one scenario; throws `InputError` on bad input.
  func scenario(from json: JSONValue, label: String) throws -> Scenario
  /// The scenario with every key written out.
  func json(of scenario: Scenario) -> JSONValue
  func name(of scenario: Scenario) -> String
  /// Runs the Monte Carlo and quadrature behind every claim.
  func check(_ scenario: Scenario, context: CheckContext) throws
    -> ScenarioOutcome
  /// Figures drawn from the finished outcomes.
  func figures(_ outcomes: [JudgedScenario], rules: VerdictRules) -> [Figure]
  /// The proof's steps with live numbers, as text.
  func explain(context: CheckContext) throws -> String
}

/// A theorem with its scenario type erased, for the registry and the runner.
public struct AnyTheorem {
  public let id: String
  public let title: String
  public let summary: String
  public let defaultScenarios: () -> [JSONValue]
  /// Validates a scenario and returns it with every key resolved.
  public let resolve: (JSONValue, String) throws -> JSONValue
  public let check: (JSONValue, CheckContext) throws -> ScenarioOutcome
  public let figures: ([JudgedScenario], VerdictRules) -> [Figure]
  public let explain: (CheckContext) throws -> String

  public init<T: Theorem>(_ theorem: T) {
    id = theorem.id
    title = theorem.title
    summary = theorem.summary
    defaultScenarios = { theorem.defaultScenarios.map(theorem.json(of:)) }
    resolve = { json, label in
      theorem.json(of: try theorem.scenario(from: json, label: label))
    }
    check = { json, context in
      try theorem.check(
        theorem.scenario(from: json, label: "scenario"), context: context)
    }
    figures = theorem.figures
    explain = theorem.explain
  }

  /// Reads a scenario file's content: one scenario object or a list.
  public func scenarios(fromFile json: JSONValue, source: String) throws
    -> [JSONValue]
  {
    let items: [JSONValue]
    switch json {
    case .array(let list): items = list
    case .object: items = [json]
    default: throw InputError("\(source): expected a scenario object or a list")
    }
    if items.isEmpty { throw InputError("\(source): the scenario list is empty") }
    return try items.enumerated().map { k, item in
      try resolve(item, "\(source): scenario \(k + 1)")
    }
  }
}
