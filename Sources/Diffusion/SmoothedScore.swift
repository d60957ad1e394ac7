import Foundation

/// The score of `U_t(q)` at one time t at a time, for the path loops.
///
/// The reverse-SDE and nested estimators advance a whole block of paths
/// one time step at a time, so the smoothed component parameters
/// (means e^{−t/2} μₖ, precisions 1/(vₖ e^{−t} + 1 − e^{−t}), log
/// normalizers) are computed once per step by `prepare(time:)` into
/// preallocated buffers and shared by every path of the block. Owns raw
/// memory: call `deallocate()` when the block is done. Not thread-safe;
/// one per block.
struct SmoothedScore {
  let dimension: Int
  let components: Int
  private let baseMeans: UnsafeMutableBufferPointer<Double>
  private let baseVariances: UnsafeMutableBufferPointer<Double>
  private let logWeights: UnsafeMutableBufferPointer<Double>
  let means: UnsafeMutableBufferPointer<Double>
  let precisions: UnsafeMutableBufferPointer<Double>
  let logNormalizers: UnsafeMutableBufferPointer<Double>

  init(_ mixture: GaussianMixture) {
    dimension = mixture.dimension
    components = mixture.componentCount
    baseMeans = .allocate(capacity: mixture.flatMeans.count)
    _ = baseMeans.initialize(from: mixture.flatMeans)
    baseVariances = .allocate(capacity: components)
    _ = baseVariances.initialize(from: mixture.variances)
    logWeights = .allocate(capacity: components)
    _ = logWeights.initialize(from: mixture.weights.map { log($0) })
    means = .allocate(capacity: mixture.flatMeans.count)
    means.initialize(repeating: 0)
    precisions = .allocate(capacity: components)
    precisions.initialize(repeating: 1)
    logNormalizers = .allocate(capacity: components)
    logNormalizers.initialize(repeating: 0)
    prepare(time: 0)
  }

  /// Loads the parameters of `U_t(q)`. Cost: O(k d) and k logarithms.
  func prepare(time t: Double) {
    let scale = exp(-0.5 * t), decay = exp(-t), spread = -expm1(-t)
    for j in 0..<baseMeans.count { means[j] = scale * baseMeans[j] }
    let halfD = 0.5 * Double(dimension)
    for c in 0..<components {
      let v = baseVariances[c] * decay + spread
      precisions[c] = 1 / v
      logNormalizers[c] = logWeights[c] - halfD * log(2 * Double.pi * v)
    }
  }

  /// ∇ log U_t(q) at x into `out`, for the prepared t. Cost: O(k d).
  @inline(__always)
  func score(_ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
    MixtureKernel.score(
      x, into: out, dimension: dimension, components: components,
      means: means.baseAddress!, precisions: precisions.baseAddress!,
      logNormalizers: logNormalizers.baseAddress!)
  }

  /// The score at a point of the line (d = 1), for the prepared t.
  @inline(__always)
  func scoreOnTheLine(_ x: Double) -> Double {
    if components == 1 { return (means[0] - x) * precisions[0] }
    var point = x, out = 0.0
    score(&point, into: &out)
    return out
  }

  /// log U_t(q)(x) for the prepared t. Cost: O(k d).
  @inline(__always)
  func logDensity(_ x: UnsafePointer<Double>) -> Double {
    MixtureKernel.logDensity(
      x, dimension: dimension, components: components, means: means.baseAddress!,
      precisions: precisions.baseAddress!, logNormalizers: logNormalizers.baseAddress!)
  }

  func deallocate() {
    for buffer in [baseMeans, baseVariances, logWeights, means, precisions, logNormalizers] {
      buffer.deallocate()
    }
  }
}
