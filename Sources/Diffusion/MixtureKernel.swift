import Foundation

/// The inner loops shared by `GaussianMixture` and the time-dependent
/// `SmoothedScore`: log density and score of an isotropic mixture given
/// raw component arrays. Raw pointers, no allocation, no dispatch.
///
/// Both use a one-pass (online) log-sum-exp over the components: the
/// running maximum `top` of the log terms
/// `ℓₖ(x) = log wₖ − (d/2) log(2π vₖ) − ‖x − μₖ‖²/(2vₖ)`
/// rescales the partial sums whenever it grows, so no term overflows and
/// the responsibilities need no scratch buffer. Cost: O(k d) and at most
/// one `exp` per component.
enum MixtureKernel {
  /// log p(x) = log Σₖ exp ℓₖ(x).
  @inline(__always)
  static func logDensity(
    _ x: UnsafePointer<Double>, dimension d: Int, components k: Int,
    means: UnsafePointer<Double>, precisions: UnsafePointer<Double>,
    logNormalizers: UnsafePointer<Double>
  ) -> Double {
    var top = -Double.infinity
    var sum = 0.0
    for c in 0..<k {
      let l = logTerm(x, d, means + c * d, precisions[c], logNormalizers[c])
      if l > top {
        sum = sum * exp(top - l) + 1
        top = l
      } else {
        sum += exp(l - top)
      }
    }
    return top + log(sum)
  }

  /// ∇ log p(x) = Σₖ rₖ(x) (μₖ − x)/vₖ written into `out`, with
  /// responsibilities rₖ ∝ exp ℓₖ(x). Accumulates A = Σ ρₖ μₖ/vₖ and
  /// B = Σ ρₖ/vₖ with unnormalized ρₖ, then out = (A − B x)/Σ ρₖ.
  @inline(__always)
  static func score(
    _ x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
    dimension d: Int, components k: Int,
    means: UnsafePointer<Double>, precisions: UnsafePointer<Double>,
    logNormalizers: UnsafePointer<Double>
  ) {
    if k == 1 {
      let p = precisions[0]
      for i in 0..<d { out[i] = (means[i] - x[i]) * p }
      return
    }
    for i in 0..<d { out[i] = 0 }
    var top = -Double.infinity
    var sum = 0.0, precisionSum = 0.0
    for c in 0..<k {
      let mean = means + c * d
      let l = logTerm(x, d, mean, precisions[c], logNormalizers[c])
      var rho = 1.0
      if l > top {
        let shrink = exp(top - l)
        sum *= shrink
        precisionSum *= shrink
        for i in 0..<d { out[i] *= shrink }
        top = l
      } else {
        rho = exp(l - top)
      }
      let rhoPrecision = rho * precisions[c]
      sum += rho
      precisionSum += rhoPrecision
      for i in 0..<d { out[i] += rhoPrecision * mean[i] }
    }
    let inverse = 1 / sum
    for i in 0..<d { out[i] = (out[i] - precisionSum * x[i]) * inverse }
  }

  /// ℓ(x) = logNormalizer − ‖x − μ‖² · precision / 2.
  @inline(__always)
  static func logTerm(
    _ x: UnsafePointer<Double>, _ d: Int, _ mean: UnsafePointer<Double>,
    _ precision: Double, _ logNormalizer: Double
  ) -> Double {
    var distance2 = 0.0
    for i in 0..<d {
      let delta = x[i] - mean[i]
      distance2 += delta * delta
    }
    return logNormalizer - 0.5 * precision * distance2
  }
}
