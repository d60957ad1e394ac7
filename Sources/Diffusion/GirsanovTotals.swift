import MonteCarlo

/// Mergeable accumulators of the Girsanov functionals of many reverse
/// paths (THEORY.md §2): per path, M = −Σ e·ΔB̄, ⟨M⟩ = Σ ‖e‖² h and
/// Z = M − ½⟨M⟩ along the ideal path, and ∫ ‖e(Ŷ)‖² dt along the learned
/// path. The identities to check are E[e^Z] = 1, Var(M) = ε² = E⟨M⟩ and
/// KL(P̂ ‖ P) = E[Z e^Z] = ½ ε̂²; for the Euler–Maruyama chain they hold
/// exactly (the ratio of the chains' Gaussian transition densities is e^Z).
public struct GirsanovTotals: Equatable, Sendable {
  /// Moments of M.
  public internal(set) var martingale = Moments()
  /// Moments of ⟨M⟩.
  public internal(set) var quadraticVariation = Moments()
  /// Moments of ∫ ‖e(Ŷ_t, t)‖² dt along the learned path.
  public internal(set) var learnedEnergy = Moments()
  /// Log-space sums of e^Z and Z e^Z.
  public internal(set) var likelihoodRatio = ExponentialMoments()

  public init() {}

  /// Adds one path's functionals.
  @inline(__always)
  mutating func add(martingale m: Double, quadraticVariation q: Double, learnedEnergy l: Double) {
    martingale.add(m)
    quadraticVariation.add(q)
    learnedEnergy.add(l)
    likelihoodRatio.add(m - 0.5 * q)
  }

  /// Merges another block's totals (merge blocks in block order).
  public mutating func merge(_ other: GirsanovTotals) {
    martingale.merge(other.martingale)
    quadraticVariation.merge(other.quadraticVariation)
    learnedEnergy.merge(other.learnedEnergy)
    likelihoodRatio.merge(other.likelihoodRatio)
  }

  /// ε² = E_P⟨M⟩, the ideal-path energy.
  public var pathEnergy: Estimate { quadraticVariation.meanEstimate }

  /// ε̂² = E_P̂ ∫ ‖e(Ŷ_t, t)‖² dt, the learned-path energy.
  public var learnedPathEnergy: Estimate { learnedEnergy.meanEstimate }

  /// Var_P(M), which equals ε².
  public var martingaleVariance: Estimate { martingale.varianceEstimate }

  /// E_P[e^Z], which equals 1.
  public var meanLikelihoodRatio: Estimate { likelihoodRatio.meanExp }

  /// E_P[Z e^Z] = KL(P̂ ‖ P), which equals ½ ε̂².
  public var pathDivergence: Estimate { likelihoodRatio.meanZExp }
}
