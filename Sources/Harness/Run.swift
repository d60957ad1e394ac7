import MonteCarlo

/// A scenario's outcome with its final verdicts.
public struct JudgedScenario {
  public let theoremID: String
  public let outcome: ScenarioOutcome
  /// How many times the sample was doubled before the verdicts.
  public let stage: Int
  public let verdicts: [Verdict]

  /// Controls that did not FAIL: the check could not tell wrong from right.
  public var powerlessControls: [Claim] {
    zip(outcome.claims, verdicts)
      .filter { $0.0.isControl && $0.1 != .fail }
      .map(\.0)
  }
}

/// A whole run: which theorems and scenarios, with what seed and rules.
public struct RunRequest {
  public var theorems: [(AnyTheorem, [JSONValue])]
  public var seed: UInt64
  public var threads: Int
  public var profile: Profile
  public var familyWiseRate: Double
  /// How many times a scenario's sample may be doubled; the profile's
  /// number unless overridden.
  public var maxDoublings: Int

  public init(theorems: [(AnyTheorem, [JSONValue])], seed: UInt64,
    threads: Int, profile: Profile, familyWiseRate: Double = 1e-3,
    maxDoublings: Int? = nil)
  {
    self.maxDoublings = maxDoublings ?? profile.maxDoublings
    self.theorems = theorems
    self.seed = seed
    self.threads = threads
    self.profile = profile
    self.familyWiseRate = familyWiseRate
  }
}

/// The verdicts of a run.
public struct RunResult {
  public let request: RunRequest
  public let rules: VerdictRules
  public let scenarios: [JudgedScenario]

  /// True when a claim failed or a control did not fail.
  public var failed: Bool {
    scenarios.contains { judged in
      zip(judged.outcome.claims, judged.verdicts).contains {
        !$0.0.isControl && $0.1 == .fail
      } || !judged.powerlessControls.isEmpty
    }
  }
}

/// Runs every scenario, escalates the sample where a verdict is not yet the
/// expected one, and applies Holm's rule across the run.
///
/// 1. Every scenario runs once at its base sample size. This fixes the
///    family size m (the number of testable claims does not depend on the
///    sample size).
/// 2. A scenario with a claim not PASS, or a control not FAIL, under the
///    provisional Bonferroni verdicts is rerun with twice the sample, on
///    fresh streams, up to the profile's number of doublings. Fresh streams
///    make the last stage's test a valid level test on its own.
/// 3. Final verdicts come from Holm's step-down rule on the last stage of
///    every scenario.
public func execute(_ request: RunRequest, progress: (String) -> Void = { _ in })
  throws -> RunResult
{
  let runner = BlockRunner(seed: request.seed, threads: request.threads)
  func run(_ theorem: AnyTheorem, _ scenario: JSONValue, stage: Int) throws
    -> ScenarioOutcome
  {
    let name = scenario["name"].flatMap { v -> String? in
      if case .string(let s) = v { return s } else { return nil }
    } ?? "scenario"
    progress("\(theorem.id) / \(name): sample ×\(1 << stage)")
    let context = CheckContext(
      runner: runner, profile: request.profile, stage: stage,
      streamBase: streamBase(theorem: theorem.id, scenario: name, stage: stage))
    return try theorem.check(scenario, context)
  }

  var outcomes: [(theorem: AnyTheorem, scenario: JSONValue,
    outcome: ScenarioOutcome, stage: Int)] = []
  for (theorem, scenarios) in request.theorems {
    for scenario in scenarios {
      outcomes.append((theorem, scenario, try run(theorem, scenario, stage: 0), 0))
    }
  }

  let familySize = outcomes.reduce(0) { total, entry in
    total + entry.outcome.claims.filter {
      VerdictRules.pValue($0.test) != nil
    }.count
  }
  let rules = VerdictRules(
    familyWiseRate: request.familyWiseRate, familySize: familySize)

  for k in outcomes.indices {
    while outcomes[k].stage < request.maxDoublings,
      outcomes[k].outcome.claims.contains(where: {
        rules.provisionalVerdict($0.test) != $0.expectedVerdict
          && rules.provisionalVerdict($0.test) != .undefined
      })
    {
      let stage = outcomes[k].stage + 1
      outcomes[k].outcome = try run(
        outcomes[k].theorem, outcomes[k].scenario, stage: stage)
      outcomes[k].stage = stage
    }
  }

  let verdicts = rules.verdicts(outcomes.flatMap { $0.outcome.claims.map(\.test) })
  var offset = 0
  let judged = outcomes.map { entry -> JudgedScenario in
    let count = entry.outcome.claims.count
    defer { offset += count }
    return JudgedScenario(
      theoremID: entry.theorem.id, outcome: entry.outcome, stage: entry.stage,
      verdicts: Array(verdicts[offset..<offset + count]))
  }
  return RunResult(request: request, rules: rules, scenarios: judged)
}

/// The first stream index of a check: a hash of theorem and scenario name
/// (so adding other theorems to a run does not change its numbers) and the
/// stage, leaving 2²⁰ block streams per stage.
func streamBase(theorem: String, scenario: String, stage: Int) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
  for byte in "\(theorem)/\(scenario)".utf8 {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }
  return (hash & 0xFF_FFFF_FFFF) << 24 | UInt64(stage & 0xF) << 20
}
