import Foundation
import MonteCarlo

/// The nested (time-reversal) estimates of the endpoint quantities of
/// THEORY.md §2–3 for one sampler; see `ReverseDiffusion.endpointEstimates`.
///
/// χ² and KL compare the learned endpoint law p̂ = Law(Ŷ_{t₀}) with the
/// ideal endpoint law U_{t₀}(q), not with q.
public struct EndpointEstimates: Sendable, Equatable {
  /// Outer samples y ~ U_{t₀}(q).
  public let outerSamples: Int
  /// Inner paths in each of the two independent averages per outer sample.
  public let innerPaths: Int
  /// χ²(p̂ ‖ U_{t₀} q) = E[(r − 1)²] from E[(r̂₁ − 1)(r̂₂ − 1)]: unbiased
  /// for the discretized functionals (bias O(h) from the time grid).
  public let chiSquare: Estimate
  /// KL(p̂ ‖ U_{t₀} q) = E[r log r] from r̄ log r̄ with r̄ = (r̂₁ + r̂₂)/2.
  /// Biased upward (Jensen) by about Var(r̂ | y)/2, i.e. O(1/innerPaths).
  public let klDivergence: Estimate
  /// E[r̂], which should be 1 (a check on the inner averages).
  public let meanLikelihoodRatio: Estimate
  /// Var(E[M | Y_{t₀}]), from E[m̂₁ m̂₂] − (E m̂)².
  public let conditionalMeanVariance: Estimate
  /// ε² = E⟨M⟩ on the same time grid, averaged over all inner paths.
  public let pathEnergy: Estimate
  /// η = Var(E[M | Y_{t₀}]) / ε² (0 when ε² = 0); delta-method error.
  public let observability: Estimate
  /// Per outer sample: y (row-major) and the estimate of E[M | Y_{t₀} = y],
  /// when recording was asked for.
  public let records: EndpointRecords?
}

/// Per outer sample values of the nested estimator, in sample order.
public struct EndpointRecords: Sendable, Equatable {
  /// The outer samples y, row-major (outerSamples · d values).
  public internal(set) var endpoints: [Double] = []
  /// The average of M over the inner paths from each y.
  public internal(set) var conditionalMartingaleMeans: [Double] = []
}

/// Mergeable per-block sums of the nested estimator.
struct EndpointTotals {
  var ratioProduct = Moments()
  var ratio = Moments()
  var ratioEntropy = Moments()
  var martingaleProduct = Moments()
  var martingaleMean = Moments()
  var energy = Moments()
  var productAndEnergy = Covariance()
  var records: EndpointRecords?

  /// Adds one outer sample from its two inner averages.
  mutating func add(
    ratios r1: Double, _ r2: Double, martingales m1: Double, _ m2: Double, energy q: Double
  ) {
    let r = 0.5 * (r1 + r2)
    ratioProduct.add((r1 - 1) * (r2 - 1))
    ratio.add(r)
    ratioEntropy.add(r > 0 ? r * log(r) : 0)
    martingaleProduct.add(m1 * m2)
    martingaleMean.add(0.5 * (m1 + m2))
    energy.add(q)
    productAndEnergy.add(m1 * m2, q)
  }

  mutating func merge(_ other: EndpointTotals) {
    ratioProduct.merge(other.ratioProduct)
    ratio.merge(other.ratio)
    ratioEntropy.merge(other.ratioEntropy)
    martingaleProduct.merge(other.martingaleProduct)
    martingaleMean.merge(other.martingaleMean)
    energy.merge(other.energy)
    productAndEnergy.merge(other.productAndEnergy)
    if let more = other.records {
      records?.endpoints += more.endpoints
      records?.conditionalMartingaleMeans += more.conditionalMartingaleMeans
    }
  }

  /// The estimates, with η's error by the delta method for P̄/Q̄.
  func estimates(outer: Int, inner: Int) -> EndpointEstimates {
    let n = martingaleProduct.count
    // (E m)² without the O(1/n) bias of the squared sample mean.
    let meanSquare = martingaleMean.mean * martingaleMean.mean - martingaleMean.variance / n
    let p = martingaleProduct.mean - meanSquare
    let q = energy.mean
    var eta = Estimate.exact(0)
    if q > 0 {
      let spread = martingaleProduct.variance / (q * q)
        - 2 * p * productAndEnergy.covariance / (q * q * q)
        + p * p * energy.variance / (q * q * q * q)
      eta = Estimate(value: p / q, standardError: (max(0, spread) / n).squareRoot(), samples: n)
    }
    return EndpointEstimates(
      outerSamples: outer, innerPaths: inner, chiSquare: ratioProduct.meanEstimate,
      klDivergence: ratioEntropy.meanEstimate, meanLikelihoodRatio: ratio.meanEstimate,
      conditionalMeanVariance: Estimate(
        value: p, standardError: martingaleProduct.meanEstimate.standardError, samples: n),
      pathEnergy: energy.meanEstimate, observability: eta, records: records)
  }
}
