import GSL
import MonteCarlo

extension ReverseDiffusion {
  /// The initialization error KL(U_T q ‖ N(0, I)) of starting the reverse
  /// process at N(0, I) instead of U_T(q) (THEORY.md §1), which the paper
  /// leaves unquantified. By data processing it bounds the extra KL this
  /// start adds to the endpoint.
  ///
  /// One dimension: quadrature (`Divergence.klDivergence(_:_:)`, exact for
  /// a single Gaussian). Otherwise stratified Monte Carlo with `samples`
  /// draws. A number of its own: reports must not fold it into ε².
  public func initializationError(
    samples: Int = 100_000, runner: BlockRunner = BlockRunner(seed: 1, threads: 1),
    streamBase: UInt64 = 0
  ) throws -> Estimate {
    let law = data.smoothed(by: horizon)
    let reference = GaussianMixture.standardNormal(dimension: data.dimension)
    if data.dimension == 1 { return try Divergence.klDivergence(law, reference) }
    if law.componentCount == 1 {
      return .exact(
        try Divergence.klDivergence(
          mean: law.flatMeans, variance: law.variances[0], referenceMean: reference.flatMeans,
          referenceVariance: 1))
    }
    return try Divergence.klDivergence(
      law, reference, samples: samples, runner: runner, streamBase: streamBase)
  }
}
