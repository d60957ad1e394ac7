/// A validated, flattened `ScoreError` for data of a given dimension: the
/// form the path loops read. Kernel density errors become mixture
/// differences; directions of `alongDirection` are normalized.
struct CompiledScoreError: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case zero, constant, linear, alongDirection, bounded, difference
  }

  let kind: Kind
  let dimension: Int
  /// λ.
  let errorScale: Double
  /// a of the linear kinds.
  let slope: Double
  /// β of `bounded`.
  let height: Double
  /// b(t) of the constant and linear kinds.
  let profile: TimeProfile
  /// u (zeros when the kind has none).
  let direction: [Double]
  /// The compared mixture of the difference kinds (at time 0).
  let other: GaussianMixture?

  /// Validates `error` against data of dimension `dimension`.
  /// - Throws: `DiffusionInputError` for non-finite parameters, a
  ///   direction of the wrong length (or zero, for `alongDirection`), a
  ///   compared mixture of another dimension, or a bad kernel bandwidth.
  init(_ error: ScoreError, dimension d: Int) throws {
    dimension = d
    errorScale = error.errorScale
    try require(errorScale.isFinite, "error scale λ = \(errorScale) is not finite")
    var kind = Kind.zero, slope = 0.0, height = 0.0
    var profile = TimeProfile.constant(0)
    var direction = Array(repeating: 0.0, count: d)
    var other: GaussianMixture? = nil

    switch error {
    case .zero:
      break
    case .constant(let b, let u, _):
      kind = .constant
      profile = b
      direction = try CompiledScoreError.checked(u, d)
    case .linear(let a, let b, let u, _):
      kind = .linear
      slope = a
      profile = b
      direction = try CompiledScoreError.checked(u, d)
    case .alongDirection(let a, let u, _):
      kind = .alongDirection
      slope = a
      let raw = try CompiledScoreError.checked(u, d)
      let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
      try require(norm > 0, "the direction of an alongDirection error must be non-zero")
      direction = raw.map { $0 / norm }
    case .bounded(let beta, _):
      kind = .bounded
      height = beta
    case .mixtureDifference(let mixture, _):
      kind = .difference
      other = mixture
    case .kernelDensityDifference(let points, let h, _):
      kind = .difference
      other = try GaussianMixture.kernelDensity(points: points, bandwidth: h)
    }

    try profile.validate()
    try require(slope.isFinite && height.isFinite, "error slope and height must be finite")
    if let other {
      try require(
        other.dimension == d,
        "the compared mixture has dimension \(other.dimension), the data \(d)")
    }
    self.kind = kind
    self.slope = slope
    self.height = height
    self.profile = profile
    self.direction = direction
    self.other = other
  }

  private static func checked(_ u: [Double], _ d: Int) throws -> [Double] {
    try require(u.count == d, "error direction has length \(u.count), the data dimension is \(d)")
    try require(u.allSatisfy(\.isFinite), "error direction is not finite")
    return u
  }
}
