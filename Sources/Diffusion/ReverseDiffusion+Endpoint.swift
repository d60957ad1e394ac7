import Foundation
import GSL
import MonteCarlo

extension ReverseDiffusion {
  /// Nested Monte Carlo for the endpoint law by time reversal (§2).
  ///
  /// With an exact start the ideal reverse path conditioned on Y_{t₀} = y
  /// is the forward OU process from y at t₀ to T. For each outer sample
  /// y ~ U_{t₀}(q) this runs 2 × `innerPaths` forward paths from y with
  /// exact Gaussian transitions on the sampler's time grid, reads each
  /// path backwards from T to t₀ as a reverse path and evaluates, step by
  /// step with e and s taken at the later time t of each step t → t − h,
  ///
  ///     ΔB̄ = Y_{t−h} − Y_t − [½ Y_t + s(Y_t, t)] h,   M = −Σ e(Y_t, t)·ΔB̄,
  ///     ⟨M⟩ = Σ ‖e(Y_t, t)‖² h,   Z = M − ½⟨M⟩.
  ///
  /// Each half gives r̂ⱼ = mean e^Z (in log space) and m̂ⱼ = mean M; products
  /// of the two independent halves are unbiased for squares:
  /// E[(r̂₁ − 1)(r̂₂ − 1)] = χ², E[m̂₁ m̂₂] = E[E[M | y]²]. See
  /// `EndpointEstimates` for each output and its bias.
  ///
  /// Known shortcoming: the inner paths are exact continuous paths while
  /// M and Z are Riemann–Itô sums on the grid, so E[r̂] = 1 and the χ² are
  /// exact only up to O(h).
  ///
  /// - Parameters:
  ///   - outerSamples: ≥ 2 endpoint draws.
  ///   - innerPaths: ≥ 1 paths per half (2 × innerPaths per outer sample).
  ///   - blockSize: outer samples per block (each block its own stream).
  ///   - recordSamples: also return each y with its estimate of E[M | y].
  /// - Throws: `DiffusionInputError` unless the start is `.exact`.
  /// - Complexity: O(outerSamples · innerPaths · steps · k d).
  public func endpointEstimates(
    outerSamples: Int, innerPaths: Int, runner: BlockRunner, streamBase: UInt64 = 0,
    blockSize: Int = 8, recordSamples: Bool = false
  ) throws -> EndpointEstimates {
    try require(start == .exact, "endpoint estimates by time reversal need an exact start")
    try require(outerSamples >= 2 && innerPaths >= 1, "need ≥ 2 outer samples and ≥ 1 inner path")
    try require(blockSize >= 1, "block size must be at least 1")
    let transition = try OrnsteinUhlenbeck(elapsed: stepSize)
    let sizes = BlockRunner.blockSizes(total: outerSamples, blockSize: blockSize)
    let blocks = runner.run(blocks: sizes.count, streamBase: streamBase) { block, stream in
      endpointBlock(
        outer: sizes[block], inner: innerPaths, transition: transition, stream: stream,
        record: recordSamples)
    }
    var totals = blocks[0]
    for block in blocks.dropFirst() { totals.merge(block) }
    return totals.estimates(outer: outerSamples, inner: innerPaths)
  }

  /// One block: `outer` endpoints, each with 2 × `inner` forward paths, all
  /// advanced together one time step at a time.
  private func endpointBlock(
    outer: Int, inner: Int, transition: OrnsteinUhlenbeck, stream: RandomStream, record: Bool
  ) -> EndpointTotals {
    let d = data.dimension, n = outer * 2 * inner
    let state = UnsafeMutableBufferPointer<Double>.allocate(capacity: n * d + 3 * d)
    let functionals = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * n)
    state.initialize(repeating: 0)
    functionals.initialize(repeating: 0)
    defer {
      state.deallocate()
      functionals.deallocate()
    }
    let x = state.baseAddress!
    let martingale = functionals.baseAddress!, energy = martingale + n

    let endpointLaw = data.smoothed(by: stopTime)
    for o in 0..<outer {
      let y = x + o * 2 * inner * d
      endpointLaw.sample(into: y, using: stream)
      for p in 1..<(2 * inner) { (y + p * d).update(from: y, count: d) }
    }
    var records = record ? EndpointRecords() : nil
    if record {
      for o in 0..<outer {
        records!.endpoints += UnsafeBufferPointer(start: x + o * 2 * inner * d, count: d)
      }
    }
    reversedFunctionals(
      paths: n, positions: x, scratch: x + n * d, transition: transition, stream: stream,
      martingale: martingale, energy: energy)

    var totals = EndpointTotals()
    totals.records = records
    for o in 0..<outer {
      let first = o * 2 * inner, second = first + inner
      let half1 = halfAverages(martingale, energy, first, inner)
      let half2 = halfAverages(martingale, energy, second, inner)
      totals.records?.conditionalMartingaleMeans.append(0.5 * (half1.m + half2.m))
      totals.add(
        ratios: half1.r, half2.r, martingales: half1.m, half2.m,
        energy: 0.5 * (half1.q + half2.q))
    }
    return totals
  }

  /// Runs `paths` forward OU paths from their positions at t₀ up to T on
  /// the sampler's grid (exact transitions) and accumulates, reading each
  /// path backwards as a reverse path, M = −Σ e(Y_t, t)·ΔB̄ with
  /// ΔB̄ = Y_{t−h} − Y_t − [½ Y_t + s(Y_t, t)] h, and ⟨M⟩ = Σ ‖e‖² h.
  /// `scratch` holds 3d values; `martingale` and `energy` are added to.
  /// Shared by `endpointEstimates` and `likelihoodRatio`.
  func reversedFunctionals(
    paths n: Int, positions x: UnsafeMutablePointer<Double>,
    scratch: UnsafeMutablePointer<Double>, transition: OrnsteinUhlenbeck,
    stream: RandomStream, martingale: UnsafeMutablePointer<Double>,
    energy: UnsafeMutablePointer<Double>
  ) {
    let d = data.dimension, h = stepSize
    let previous = scratch, score = scratch + d, e = scratch + 2 * d
    let truth = SmoothedScore(data)
    var error = ScoreErrorKernel(compiledError)
    defer {
      truth.deallocate()
      error.deallocate()
    }
    for j in stride(from: steps - 1, through: 0, by: -1) {
      let t = time(ofStep: j)
      truth.prepare(time: t)
      error.prepare(time: t)
      for p in 0..<n {
        let path = x + p * d
        previous.update(from: path, count: d)
        transition.advance(path, dimension: d, using: stream)
        truth.score(path, into: score)
        error.evaluate(path, trueScore: score, into: e)
        var projection = 0.0, norm2 = 0.0
        for i in 0..<d {
          let increment = previous[i] - path[i] - (0.5 * path[i] + score[i]) * h
          projection += e[i] * increment
          norm2 += e[i] * e[i]
        }
        martingale[p] -= projection
        energy[p] += norm2 * h
      }
    }
  }

  /// Mean e^Z (through log space), mean M and mean ⟨M⟩ of `count` paths.
  private func halfAverages(
    _ martingale: UnsafeMutablePointer<Double>, _ energy: UnsafeMutablePointer<Double>,
    _ first: Int, _ count: Int
  ) -> (r: Double, m: Double, q: Double) {
    var ratio = ExponentialMoments()
    var m = 0.0, q = 0.0
    for p in first..<(first + count) {
      ratio.add(martingale[p] - 0.5 * energy[p])
      m += martingale[p]
      q += energy[p]
    }
    return (exp(ratio.logMeanExp), m / Double(count), q / Double(count))
  }
}
