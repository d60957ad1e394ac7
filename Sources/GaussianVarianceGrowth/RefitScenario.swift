import Harness

/// One experiment of Gaussian refitting (THEORY.md §8): the data law, how
/// each generation is fitted, and how many generations and chains to run.
public struct RefitScenario: Equatable {
  /// How a generation's variance is fitted from its pooled sample.
  public enum Estimator: String, CaseIterable {
    /// Divide the sum of squares by (N − 1).
    case unbiased
    /// Divide by N (maximum likelihood).
    case mle
  }

  /// Which samples each fit sees.
  public enum Scheme: String, CaseIterable {
    /// n samples of the previous model only.
    case replace
    /// round(α n) fresh data samples pooled with n − round(α n) synthetic.
    case mix
    /// All samples so far: the n real ones and n of every earlier model.
    case accumulate
  }

  public var name: String
  /// μ and σ² of the data law N(μ, σ²); σ² > 0.
  public var mean: Double
  public var variance: Double
  /// n ≥ 2, the sample size of each fit (of each new batch, for accumulate).
  public var samplesPerGeneration: Int
  /// G ≥ 1 fitted generations; generation 1 is fitted to real data.
  public var generations: Int
  /// Independent replicates of the whole chain of fits, at the base size.
  public var chains: Int
  public var estimator: Estimator
  public var scheme: Scheme
  /// α ∈ [0, 1], used by `mix` only.
  public var freshFraction: Double

  public init(
    name: String, mean: Double = 0, variance: Double = 1,
    samplesPerGeneration: Int = 100, generations: Int = 50,
    chains: Int = 20_000, estimator: Estimator = .unbiased,
    scheme: Scheme = .replace, freshFraction: Double = 0
  ) {
    self.name = name
    self.mean = mean
    self.variance = variance
    self.samplesPerGeneration = samplesPerGeneration
    self.generations = generations
    self.chains = chains
    self.estimator = estimator
    self.scheme = scheme
    self.freshFraction = freshFraction
  }

  /// n, as a Double.
  var n: Double { Double(samplesPerGeneration) }

  /// The number of fresh samples per fit under `mix`: round(α n).
  var freshCount: Int {
    scheme == .mix ? Int((freshFraction * n).rounded()) : 0
  }
}

extension RefitScenario {
  /// Reads and validates a scenario object; unknown keys are errors.
  init(json: JSONValue, label: String) throws {
    var reader = try ScenarioReader(json, label: label)
    let name = try reader.string("name", default: "custom")
    let defaults = RefitScenario(name: name)
    self.init(
      name: name,
      mean: try reader.number("mean", default: defaults.mean),
      variance: try reader.number("variance", default: defaults.variance),
      samplesPerGeneration: try reader.integer(
        "samplesPerGeneration", default: defaults.samplesPerGeneration),
      generations: try reader.integer("generations", default: defaults.generations),
      chains: try reader.integer("chains", default: defaults.chains),
      estimator: Estimator(rawValue: try reader.choice(
        "estimator", from: Estimator.allCases.map(\.rawValue),
        default: defaults.estimator.rawValue))!,
      scheme: Scheme(rawValue: try reader.choice(
        "scheme", from: Scheme.allCases.map(\.rawValue),
        default: defaults.scheme.rawValue))!,
      freshFraction: try reader.number("freshFraction", default: 0))
    try reader.finish()
    try validate(reader)
  }

  private func validate(_ reader: ScenarioReader) throws {
    guard variance > 0 else {
      throw reader.error("'variance' must be positive, got \(variance)")
    }
    guard samplesPerGeneration >= 2 else {
      throw reader.error("'samplesPerGeneration' must be at least 2")
    }
    guard generations >= 1 else {
      throw reader.error("'generations' must be at least 1")
    }
    guard generations <= 100_000 else {
      throw reader.error("'generations' must be at most 100000")
    }
    guard chains >= 100 else {
      throw reader.error("'chains' must be at least 100")
    }
    guard (0...1).contains(freshFraction) else {
      throw reader.error("'freshFraction' must lie in [0, 1], got \(freshFraction)")
    }
    guard scheme != .mix || freshCount >= 1 else {
      throw reader.error("'freshFraction' × samplesPerGeneration must round to at "
        + "least 1 fresh sample under scheme 'mix' (use 'replace' for none)")
    }
    guard scheme == .mix || freshFraction == 0 else {
      throw reader.error("'freshFraction' applies to scheme 'mix' only")
    }
    guard samplesPerGeneration * generations <= 100_000_000 else {
      throw reader.error("samplesPerGeneration × generations is too large")
    }
  }

  /// The scenario with every key written out, in the form `--scenario` reads.
  var json: JSONValue {
    .object([
      ("name", .string(name)),
      ("mean", .number(mean)),
      ("variance", .number(variance)),
      ("samplesPerGeneration", .integer(samplesPerGeneration)),
      ("generations", .integer(generations)),
      ("chains", .integer(chains)),
      ("estimator", .string(estimator.rawValue)),
      ("scheme", .string(scheme.rawValue)),
      ("freshFraction", .number(freshFraction)),
    ])
  }

  /// The default scenarios: the two growth laws, the collapse of every
  /// chain, fresh-data mixing and accumulation.
  static let defaults: [RefitScenario] = [
    RefitScenario(name: "replace-unbiased"),
    RefitScenario(name: "replace-mle", estimator: .mle),
    RefitScenario(name: "collapse", samplesPerGeneration: 10, generations: 200),
    RefitScenario(name: "mix", scheme: .mix, freshFraction: 0.2),
    RefitScenario(name: "accumulate", scheme: .accumulate),
  ]
}
