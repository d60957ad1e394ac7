import Foundation
import GSL
import MonteCarlo

/// What the chains of one block produced at one generation.
struct GenerationMoments {
  /// A fresh draw Ŷᵢ of each chain's model i: its sample variance
  /// estimates Var Ŷᵢ.
  var predictive = Moments()
  /// σ̂²ᵢ, (μ̂ᵢ − μ)², σ̂⁴ᵢ, log σ̂²ᵢ and the indicator σ̂²ᵢ < σ²/10.
  var fittedVariance = Moments()
  var squaredMeanError = Moments()
  var squaredFittedVariance = Moments()
  var logFittedVariance = Moments()
  var collapsed = Moments()

  mutating func merge(_ other: GenerationMoments) {
    predictive.merge(other.predictive)
    fittedVariance.merge(other.fittedVariance)
    squaredMeanError.merge(other.squaredMeanError)
    squaredFittedVariance.merge(other.squaredFittedVariance)
    logFittedVariance.merge(other.logFittedVariance)
    collapsed.merge(other.collapsed)
  }
}

/// The merged result of all chains.
struct RefitSample {
  /// Index i − 1 for generation i.
  var generations: [GenerationMoments]
  /// σ̂²ᵢ of the first chains of every block, per generation, for the
  /// quantile figure.
  var fittedVarianceSample: [[Double]]
  var chains: Int
}

/// Simulates refitting chains by drawing every sample and fitting it.
///
/// Each chain draws n samples per generation from the previous model (and
/// the data law, per the scheme), fits mean and variance, and then draws
/// one fresh Ŷ from the new model. Nothing is taken from the exact law: the
/// simulation is the independent route the closed forms are checked
/// against. Cost: chains × G × (n + 1) Gaussian draws (GSL's ziggurat).
enum RefitSimulation {
  /// Chains per block: each block has its own stream.
  static let blockSize = 500
  /// Chains per block whose σ̂² path is kept for quantiles.
  static let keptPerBlock = 100

  static func run(_ scenario: RefitScenario, chains: Int,
    runner: BlockRunner, streamBase: UInt64) -> RefitSample
  {
    let sizes = BlockRunner.blockSizes(total: chains, blockSize: blockSize)
    let blocks = runner.run(blocks: sizes.count, streamBase: streamBase) {
      block, stream in
      simulateBlock(scenario, chains: sizes[block], stream: stream)
    }
    var merged = blocks[0]
    for block in blocks.dropFirst() {
      for i in merged.generations.indices {
        merged.generations[i].merge(block.generations[i])
      }
      for i in merged.fittedVarianceSample.indices {
        merged.fittedVarianceSample[i] += block.fittedVarianceSample[i]
      }
    }
    merged.chains = chains
    return merged
  }

  /// One block of independent chains on one stream.
  static func simulateBlock(_ scenario: RefitScenario, chains: Int,
    stream: RandomStream) -> RefitSample
  {
    let g = scenario.generations
    var moments = [GenerationMoments](repeating: .init(), count: g)
    let kept = min(keptPerBlock, chains)
    var keptPaths = [[Double]](repeating: [], count: g)
    for i in 0..<g { keptPaths[i].reserveCapacity(kept) }

    let collapseLevel = log(scenario.variance / 10)
    for chain in 0..<chains {
      var state = ChainState(scenario)
      for i in 1...g {
        state.refit(generation: i, stream: stream)
        let draw = state.mean
          + state.variance.squareRoot() * stream.gaussian()
        let error = state.mean - scenario.mean
        moments[i - 1].predictive.add(draw)
        moments[i - 1].fittedVariance.add(state.variance)
        moments[i - 1].squaredMeanError.add(error * error)
        moments[i - 1].squaredFittedVariance.add(state.variance * state.variance)
        moments[i - 1].logFittedVariance.add(state.logVariance)
        moments[i - 1].collapsed.add(state.logVariance < collapseLevel ? 1 : 0)
        if chain < kept { keptPaths[i - 1].append(state.variance) }
      }
    }
    return RefitSample(
      generations: moments, fittedVarianceSample: keptPaths, chains: chains)
  }
}

/// The current model of one chain, and for `accumulate` the pooled sample.
struct ChainState {
  let scenario: RefitScenario
  /// The current model N(mean, variance); log σ̂² is tracked on its own so
  /// that collapsing variances never underflow to 0.
  var mean: Double
  var variance: Double
  var logVariance: Double
  /// Pooled count, mean and sum of squares (accumulate only).
  var pooledCount = 0.0
  var pooledMean = 0.0
  var pooledSumOfSquares = 0.0

  init(_ scenario: RefitScenario) {
    self.scenario = scenario
    mean = scenario.mean
    variance = scenario.variance
    logVariance = log(scenario.variance)
  }

  /// Draws generation i's training sample and fits model i.
  @inline(__always)
  mutating func refit(generation i: Int, stream: RandomStream) {
    let n = scenario.samplesPerGeneration
    let unbiased = scenario.estimator == .unbiased
    func divisor(_ count: Double) -> Double { unbiased ? count - 1 : count }
    switch scenario.scheme {
    case .replace, .mix:
      let fresh = i == 1 ? n : scenario.freshCount
      if fresh == 0 {
        // Synthetic only: x = μ̂ + σ̂ z, so σ̂′² = σ̂² SS_z/d exactly.
        let (sum, squares) = ChainState.standardSums(n, stream)
        let ratio = (squares - sum * sum / Double(n)) / divisor(Double(n))
        mean += variance.squareRoot() * sum / Double(n)
        variance *= ratio
        logVariance += log(ratio)
      } else {
        fitPooled(fresh: fresh, synthetic: n - fresh, stream: stream,
          divisor: divisor(Double(n)))
      }
    case .accumulate:
      let (batchMean, batchSquares) = i == 1
        ? ChainState.batch(n, scenario.mean, scenario.variance, stream)
        : ChainState.batch(n, mean, variance, stream)
      mergeIntoPool(count: Double(n), mean: batchMean, squares: batchSquares)
      mean = pooledMean
      variance = pooledSumOfSquares / divisor(pooledCount)
      logVariance = log(variance)
    }
  }

  /// Fits the pool of `fresh` data samples and `synthetic` model samples,
  /// summing deviations from μ.
  @inline(__always)
  private mutating func fitPooled(fresh: Int, synthetic: Int,
    stream: RandomStream, divisor: Double)
  {
    let sigma = scenario.variance.squareRoot()
    let offset = mean - scenario.mean, spread = variance.squareRoot()
    var sum = 0.0, squares = 0.0
    for _ in 0..<fresh {
      let d = sigma * stream.gaussian()
      sum += d
      squares += d * d
    }
    for _ in 0..<synthetic {
      let d = offset + spread * stream.gaussian()
      sum += d
      squares += d * d
    }
    let n = Double(fresh + synthetic)
    mean = scenario.mean + sum / n
    variance = (squares - sum * sum / n) / divisor
    logVariance = log(variance)
  }

  /// Chan's merge of a batch (count, mean, within sum of squares) into the
  /// pooled sample.
  @inline(__always)
  private mutating func mergeIntoPool(count: Double, mean batchMean: Double,
    squares: Double)
  {
    let total = pooledCount + count
    let delta = batchMean - pooledMean
    pooledSumOfSquares += squares + delta * delta * pooledCount * count / total
    pooledMean += delta * count / total
    pooledCount = total
  }

  /// Σz and Σz² of n standard normal draws.
  @inline(__always)
  static func standardSums(_ n: Int, _ stream: RandomStream)
    -> (Double, Double)
  {
    var sum = 0.0, squares = 0.0
    for _ in 0..<n {
      let z = stream.gaussian()
      sum += z
      squares += z * z
    }
    return (sum, squares)
  }

  /// Mean and within sum of squares of n draws of N(mean, variance).
  @inline(__always)
  static func batch(_ n: Int, _ mean: Double, _ variance: Double,
    _ stream: RandomStream) -> (Double, Double)
  {
    let (sum, squares) = standardSums(n, stream)
    let within = squares - sum * sum / Double(n)
    return (mean + variance.squareRoot() * sum / Double(n), variance * within)
  }
}
