import MonteCarlo

/// What `ReverseDiffusion.simulate` returns: merged Girsanov totals, the
/// endpoint moments per coordinate, and, when asked for, every path's
/// values in path order (block by block).
public struct ReverseDiffusionResult: Sendable {
  /// The number of paths.
  public let paths: Int
  /// The Girsanov accumulators (ε², ε̂², Var M, E e^Z, E Z e^Z).
  public internal(set) var totals: GirsanovTotals
  /// Moments of each coordinate of the ideal endpoint Y_{t₀}.
  public internal(set) var endpointMoments: [Moments]
  /// Moments of each coordinate of the learned endpoint Ŷ_{t₀}.
  public internal(set) var learnedEndpointMoments: [Moments]
  /// Per-path records, when `recordPaths` was set.
  public internal(set) var records: PathRecords?
}

/// Per-path values of a simulation, in path order.
public struct PathRecords: Sendable, Equatable {
  /// Ideal endpoints Y_{t₀}, row-major (paths · d values).
  public internal(set) var endpoints: [Double] = []
  /// Learned endpoints Ŷ_{t₀}, row-major.
  public internal(set) var learnedEndpoints: [Double] = []
  /// M of each path.
  public internal(set) var martingale: [Double] = []
  /// ⟨M⟩ of each path.
  public internal(set) var quadraticVariation: [Double] = []

  /// Z = M − ½⟨M⟩ of each path.
  public var logLikelihoodRatio: [Double] {
    zip(martingale, quadraticVariation).map { $0 - 0.5 * $1 }
  }

  mutating func append(_ other: PathRecords) {
    endpoints += other.endpoints
    learnedEndpoints += other.learnedEndpoints
    martingale += other.martingale
    quadraticVariation += other.quadraticVariation
  }
}
