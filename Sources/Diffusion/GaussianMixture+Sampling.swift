import GSL

/// Exact sampling from the mixture.
extension GaussianMixture {
  /// Draws one point into `out` (`dimension` values): a component by
  /// inversion of the cumulative weights (one uniform, binary search), then
  /// μₖ + √vₖ ξ with d standard normals (GSL ziggurat). Cost: O(log k + d),
  /// no allocation.
  @inline(__always)
  public func sample(into out: UnsafeMutableBufferPointer<Double>, using stream: RandomStream) {
    sample(into: out.baseAddress!, using: stream)
  }

  /// The raw-pointer form of `sample(into:using:)`.
  @inline(__always)
  func sample(into out: UnsafeMutablePointer<Double>, using stream: RandomStream) {
    let k = componentFor(uniform: stream.uniform())
    sample(component: k, into: out, using: stream)
  }

  /// Draws from component `k` alone (for stratified sampling).
  @inline(__always)
  func sample(
    component k: Int, into out: UnsafeMutablePointer<Double>, using stream: RandomStream
  ) {
    let sd = variances[k].squareRoot()
    let base = k * dimension
    for i in 0..<dimension {
      out[i] = flatMeans[base + i] + sd * stream.gaussian()
    }
  }

  /// `count` independent draws, row-major (`count · dimension` values).
  public func samples(count: Int, using stream: RandomStream) -> [Double] {
    precondition(count >= 0)
    var result = Array(repeating: 0.0, count: count * dimension)
    result.withUnsafeMutableBufferPointer { buffer in
      for n in 0..<count { sample(into: buffer.baseAddress! + n * dimension, using: stream) }
    }
    return result
  }

  /// The first component whose cumulative weight exceeds u ∈ [0, 1).
  @inline(__always)
  func componentFor(uniform u: Double) -> Int {
    var low = 0, high = componentCount - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulativeWeights[middle] > u { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
