import Diffusion

/// The per-path means that both the Swift engine and the C baseline
/// produce, so that their results can be compared: E M, E⟨M⟩, ε̂², and the
/// coordinate sums of the ideal and learned endpoints.
///
/// With the same seeds the two loops do the same arithmetic, so every
/// path agrees bit for bit; the means can still differ in the last bits
/// because the engine accumulates running moments while the baseline adds
/// plain sums.
public struct PathMeans: Sendable, Equatable, Codable {
  /// E M.
  public let martingale: Double
  /// E⟨M⟩ (ε² up to the step bias).
  public let quadraticVariation: Double
  /// ε̂², the learned-path energy.
  public let learnedEnergy: Double
  /// E Σᵢ Y_{t₀,i}.
  public let endpoint: Double
  /// E Σᵢ Ŷ_{t₀,i}.
  public let learnedEndpoint: Double

  /// The means of a Swift simulation.
  init(_ result: ReverseDiffusionResult) {
    martingale = result.totals.martingale.mean
    quadraticVariation = result.totals.quadraticVariation.mean
    learnedEnergy = result.totals.learnedEnergy.mean
    endpoint = result.endpointMoments.reduce(0) { $0 + $1.mean }
    learnedEndpoint = result.learnedEndpointMoments.reduce(0) { $0 + $1.mean }
  }

  init(
    martingale: Double, quadraticVariation: Double, learnedEnergy: Double,
    endpoint: Double, learnedEndpoint: Double
  ) {
    self.martingale = martingale
    self.quadraticVariation = quadraticVariation
    self.learnedEnergy = learnedEnergy
    self.endpoint = endpoint
    self.learnedEndpoint = learnedEndpoint
  }

  /// The values with their names, in report order.
  var named: [(String, Double)] {
    [
      ("E M", martingale), ("E⟨M⟩", quadraticVariation), ("ε̂²", learnedEnergy),
      ("E ΣY", endpoint), ("E ΣŶ", learnedEndpoint),
    ]
  }

  /// max over the quantities of |a − b| / max(|a|, |b|) (0 when both are
  /// zero): the relative gap between two runs.
  func largestRelativeGap(to other: PathMeans) -> Double {
    zip(named, other.named).map { pair in
      let a = pair.0.1, b = pair.1.1
      let scale = max(abs(a), abs(b))
      return scale == 0 ? 0 : abs(a - b) / scale
    }.max()!
  }
}
