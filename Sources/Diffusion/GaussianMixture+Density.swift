/// Log density and score of the mixture itself (time 0; for `U_t(q)` use
/// `smoothed(by:)` first, or the engine's precomputed smoothed scores).
extension GaussianMixture {
  /// log p(x) by log-sum-exp over components; finite for every finite x.
  /// `x` must hold `dimension` values. Cost: O(k d), no allocation.
  public func logDensity(at x: UnsafeBufferPointer<Double>) -> Double {
    precondition(x.count == dimension, "point has the wrong dimension")
    return flatMeans.withUnsafeBufferPointer { m in
      precisions.withUnsafeBufferPointer { p in
        logNormalizers.withUnsafeBufferPointer { n in
          MixtureKernel.logDensity(
            x.baseAddress!, dimension: dimension, components: componentCount,
            means: m.baseAddress!, precisions: p.baseAddress!, logNormalizers: n.baseAddress!)
        }
      }
    }
  }

  /// log p(x) for a point given as an array.
  public func logDensity(at x: [Double]) -> Double {
    x.withUnsafeBufferPointer { logDensity(at: $0) }
  }

  /// The score ∇ log p(x) = Σₖ rₖ(x)(μₖ − x)/vₖ, written into `out`
  /// (`dimension` values). Responsibilities rₖ by log-sum-exp, so the
  /// result is finite far in the tails. Cost: O(k d), no allocation.
  public func score(
    at x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(x.count == dimension && out.count == dimension, "wrong dimension")
    flatMeans.withUnsafeBufferPointer { m in
      precisions.withUnsafeBufferPointer { p in
        logNormalizers.withUnsafeBufferPointer { n in
          MixtureKernel.score(
            x.baseAddress!, into: out.baseAddress!, dimension: dimension,
            components: componentCount, means: m.baseAddress!, precisions: p.baseAddress!,
            logNormalizers: n.baseAddress!)
        }
      }
    }
  }

  /// The score at a point given as an array (allocates the result).
  public func score(at x: [Double]) -> [Double] {
    var out = Array(repeating: 0.0, count: dimension)
    x.withUnsafeBufferPointer { xs in
      out.withUnsafeMutableBufferPointer { score(at: xs, into: $0) }
    }
    return out
  }
}
