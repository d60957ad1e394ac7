import Foundation
import GSL
import MonteCarlo

/// Divergences between mixtures in any dimension by stratified Monte Carlo.
extension Divergence {
  /// χ²(p ‖ q) = E_q[(p/q − 1)²] by Monte Carlo over q, stratified over
  /// q's components: about wⱼ·samples draws from component j (at least 2),
  /// combined as Σⱼ wⱼ · meanⱼ with variance Σⱼ wⱼ² sⱼ²/nⱼ.
  ///
  /// Infinite cases are decided exactly first and never sampled. Known
  /// shortcoming: the estimator's own variance is finite only when
  /// E_q[(p/q)⁴] is, i.e. roughly when p's variances stay below 4/3 of q's
  /// largest; closer to the χ² boundary the standard error is unreliable.
  /// - Throws: `DiffusionInputError` for mismatched dimensions or
  ///   samples < 2. Cost: O(samples · (k_p + k_q) d).
  public static func chiSquare(
    _ p: GaussianMixture, _ q: GaussianMixture, samples: Int, runner: BlockRunner,
    streamBase: UInt64 = 0
  ) throws -> DivergenceValue {
    try require(p.dimension == q.dimension, "p and q have different dimensions")
    if let reason = chiSquareInfinityReason(p, reference: q) { return .infinite(reason: reason) }
    let estimate = try stratifiedMean(
      over: q, samples: samples, runner: runner, streamBase: streamBase
    ) { x in
      let deviation = expm1(p.logDensity(at: x) - q.logDensity(at: x))
      return deviation * deviation
    }
    return .finite(estimate)
  }

  /// KL(p ‖ q) = E_p[log p − log q] by Monte Carlo over p, stratified over
  /// p's components as in `chiSquare(_:_:samples:runner:streamBase:)`.
  public static func klDivergence(
    _ p: GaussianMixture, _ q: GaussianMixture, samples: Int, runner: BlockRunner,
    streamBase: UInt64 = 0
  ) throws -> Estimate {
    try require(p.dimension == q.dimension, "p and q have different dimensions")
    return try stratifiedMean(over: p, samples: samples, runner: runner, streamBase: streamBase) {
      x in p.logDensity(at: x) - q.logDensity(at: x)
    }
  }

  /// E_law[f(X)] stratified over the components of `law`. Blocks of at
  /// most 4096 draws, each on its own stream, merged in order.
  static func stratifiedMean(
    over law: GaussianMixture, samples: Int, runner: BlockRunner, streamBase: UInt64,
    _ f: (UnsafeBufferPointer<Double>) -> Double
  ) throws -> Estimate {
    try require(samples >= 2, "Monte Carlo needs at least 2 samples, got \(samples)")
    var tasks: [(component: Int, size: Int)] = []
    for k in 0..<law.componentCount {
      let n = max(2, Int((law.weights[k] * Double(samples)).rounded(.up)))
      tasks += BlockRunner.blockSizes(total: n, blockSize: 4096).map { (k, $0) }
    }
    let d = law.dimension
    let blocks = runner.run(blocks: tasks.count, streamBase: streamBase) { block, stream in
      let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: d)
      defer { x.deallocate() }
      var moments = Moments()
      for _ in 0..<tasks[block].size {
        law.sample(component: tasks[block].component, into: x.baseAddress!, using: stream)
        moments.add(f(UnsafeBufferPointer(x)))
      }
      return moments
    }

    var perComponent = Array(repeating: Moments(), count: law.componentCount)
    for (task, moments) in zip(tasks, blocks) { perComponent[task.component].merge(moments) }
    var value = 0.0, variance = 0.0
    for (k, moments) in perComponent.enumerated() {
      let w = law.weights[k]
      value += w * moments.mean
      variance += w * w * moments.variance / moments.count
    }
    return Estimate(value: value, standardError: variance.squareRoot(), samples: Double(samples))
  }
}
