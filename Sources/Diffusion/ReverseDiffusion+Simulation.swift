import GSL
import MonteCarlo

extension ReverseDiffusion {
  /// Simulates `paths` ideal and learned reverse paths driven by the same
  /// noise, accumulating the Girsanov functionals (THEORY.md §2):
  ///
  ///     ΔB̄ = √h ξ,  M −= e(Y_t, t)·ΔB̄,  ⟨M⟩ += ‖e(Y_t, t)‖² h,
  ///     ∫‖e(Ŷ_t, t)‖² dt += ‖e(Ŷ_t, t)‖² h.
  ///
  /// On the ideal path ΔB̄ = Y_{t−h} − Y_t − [½ Y_t + s(Y_t, t)] h is
  /// exactly √h ξ, so it is used directly.
  ///
  /// Paths run in blocks of `blockSize`, block b on stream `streamBase + b`
  /// of the runner's seed; a block advances all its paths one time step at
  /// a time, so the smoothed score parameters are computed once per step
  /// and block. Results are merged in block order: the output is bitwise
  /// identical for any thread count.
  ///
  /// - Parameters:
  ///   - paths: ≥ 1.
  ///   - blockSize: ≥ 1 paths per block (the last may be smaller).
  ///   - recordPaths: also return every path's endpoints, M and ⟨M⟩.
  ///   - learnedPath: set false to skip the learned path (then ε̂² and the
  ///     learned endpoint moments are zero) and halve the cost.
  /// - Complexity: O(paths · steps · k d) for a k-component data law
  ///   (twice that for the difference kinds); memory O(blockSize · d) per
  ///   thread, plus O(paths · d) when recording.
  public func simulate(
    paths: Int, runner: BlockRunner, streamBase: UInt64 = 0, blockSize: Int = 256,
    recordPaths: Bool = false, learnedPath: Bool = true
  ) -> ReverseDiffusionResult {
    precondition(paths >= 1 && blockSize >= 1)
    let sizes = BlockRunner.blockSizes(total: paths, blockSize: blockSize)
    let blocks = runner.run(blocks: sizes.count, streamBase: streamBase) { block, stream in
      simulateBlock(
        size: sizes[block], stream: stream, record: recordPaths, learnedPath: learnedPath)
    }

    var result = blocks[0]
    for block in blocks.dropFirst() {
      result.totals.merge(block.totals)
      for i in 0..<data.dimension {
        result.endpointMoments[i].merge(block.endpointMoments[i])
        result.learnedEndpointMoments[i].merge(block.learnedEndpointMoments[i])
      }
      if let records = block.records { result.records?.append(records) }
    }
    return ReverseDiffusionResult(
      paths: paths, totals: result.totals, endpointMoments: result.endpointMoments,
      learnedEndpointMoments: result.learnedEndpointMoments, records: result.records)
  }

  /// One block of `size` paths on `stream`.
  private func simulateBlock(
    size n: Int, stream: RandomStream, record: Bool, learnedPath: Bool
  ) -> ReverseDiffusionResult {
    let d = data.dimension
    let paths = PathBuffers(paths: n, dimension: d)
    let truth = SmoothedScore(data)
    var error = ScoreErrorKernel(compiledError)
    defer {
      paths.deallocate()
      truth.deallocate()
      error.deallocate()
    }

    drawStart(into: paths, stream: stream)
    let h = stepSize, rootH = stepSize.squareRoot()
    for j in 0..<steps {
      let t = time(ofStep: j)
      truth.prepare(time: t)
      error.prepare(time: t)
      if d == 1 {
        for p in 0..<n {
          stepOnTheLine(path: p, paths, truth, error, stream, h, rootH, learnedPath)
        }
      } else {
        for p in 0..<n { step(path: p, paths, truth, error, stream, h, rootH, learnedPath) }
      }
    }
    return paths.summary(record: record)
  }

  /// Y_T (and Ŷ_T = Y_T) for every path of the block.
  private func drawStart(into paths: PathBuffers, stream: RandomStream) {
    let d = data.dimension
    let law = start == .exact ? data.smoothed(by: horizon) : .standardNormal(dimension: d)
    for p in 0..<paths.count {
      let y = paths.ideal + p * d
      law.sample(into: y, using: stream)
      for i in 0..<d { paths.learned[p * d + i] = y[i] }
    }
  }

  /// One Euler–Maruyama step of path p, ideal and learned, same noise.
  @inline(__always)
  private func step(
    path p: Int, _ paths: PathBuffers, _ truth: SmoothedScore, _ error: ScoreErrorKernel,
    _ stream: RandomStream, _ h: Double, _ rootH: Double, _ learnedPath: Bool
  ) {
    let d = data.dimension
    let noise = paths.noise, score = paths.score, e = paths.error
    for i in 0..<d { noise[i] = rootH * stream.gaussian() }

    let y = paths.ideal + p * d
    truth.score(y, into: score)
    error.evaluate(y, trueScore: score, into: e)
    var projection = 0.0, norm2 = 0.0
    for i in 0..<d {
      projection += e[i] * noise[i]
      norm2 += e[i] * e[i]
      y[i] += (0.5 * y[i] + score[i]) * h + noise[i]
    }
    paths.martingale[p] -= projection
    paths.quadraticVariation[p] += norm2 * h
    guard learnedPath else { return }

    let yHat = paths.learned + p * d
    truth.score(yHat, into: score)
    error.evaluate(yHat, trueScore: score, into: e)
    var learnedNorm2 = 0.0
    for i in 0..<d {
      learnedNorm2 += e[i] * e[i]
      yHat[i] += (0.5 * yHat[i] + score[i] - e[i]) * h + noise[i]
    }
    paths.learnedEnergy[p] += learnedNorm2 * h
  }
}

extension ReverseDiffusion {
  /// `step` for d = 1 in scalar arithmetic: the common case of the checks,
  /// kept free of the inner coordinate loops so it runs close to plain C.
  @inline(__always)
  fileprivate func stepOnTheLine(
    path p: Int, _ paths: PathBuffers, _ truth: SmoothedScore, _ error: ScoreErrorKernel,
    _ stream: RandomStream, _ h: Double, _ rootH: Double, _ learnedPath: Bool
  ) {
    let noise = rootH * stream.gaussian()

    let y = paths.ideal[p]
    let score = truth.scoreOnTheLine(y)
    let e = error.valueOnTheLine(y, trueScore: score)
    paths.martingale[p] -= e * noise
    paths.quadraticVariation[p] += e * e * h
    paths.ideal[p] = y + (0.5 * y + score) * h + noise
    guard learnedPath else { return }

    let yHat = paths.learned[p]
    let learnedScore = truth.scoreOnTheLine(yHat)
    let learnedError = error.valueOnTheLine(yHat, trueScore: learnedScore)
    paths.learnedEnergy[p] += learnedError * learnedError * h
    paths.learned[p] = yHat + (0.5 * yHat + learnedScore - learnedError) * h + noise
  }
}

/// The per-block state of the reverse paths: positions and running
/// functionals of `count` paths, plus d-sized scratch for one step.
/// Allocated once per block; nothing is allocated inside the step loop.
fileprivate struct PathBuffers {
  let count: Int
  let dimension: Int
  let ideal: UnsafeMutablePointer<Double>
  let learned: UnsafeMutablePointer<Double>
  let martingale: UnsafeMutablePointer<Double>
  let quadraticVariation: UnsafeMutablePointer<Double>
  let learnedEnergy: UnsafeMutablePointer<Double>
  let noise: UnsafeMutablePointer<Double>
  let score: UnsafeMutablePointer<Double>
  let error: UnsafeMutablePointer<Double>

  init(paths n: Int, dimension d: Int) {
    count = n
    dimension = d
    func zeros(_ size: Int) -> UnsafeMutablePointer<Double> {
      let buffer = UnsafeMutablePointer<Double>.allocate(capacity: size)
      buffer.initialize(repeating: 0, count: size)
      return buffer
    }
    ideal = zeros(n * d)
    learned = zeros(n * d)
    martingale = zeros(n)
    quadraticVariation = zeros(n)
    learnedEnergy = zeros(n)
    noise = zeros(d)
    score = zeros(d)
    error = zeros(d)
  }

  /// The block's totals, endpoint moments and (optionally) records.
  func summary(record: Bool) -> ReverseDiffusionResult {
    var totals = GirsanovTotals()
    var idealMoments = Array(repeating: Moments(), count: dimension)
    var learnedMoments = idealMoments
    for p in 0..<count {
      totals.add(
        martingale: martingale[p], quadraticVariation: quadraticVariation[p],
        learnedEnergy: learnedEnergy[p])
      for i in 0..<dimension {
        idealMoments[i].add(ideal[p * dimension + i])
        learnedMoments[i].add(learned[p * dimension + i])
      }
    }
    let records = record
      ? PathRecords(
        endpoints: Array(UnsafeBufferPointer(start: ideal, count: count * dimension)),
        learnedEndpoints: Array(UnsafeBufferPointer(start: learned, count: count * dimension)),
        martingale: Array(UnsafeBufferPointer(start: martingale, count: count)),
        quadraticVariation: Array(UnsafeBufferPointer(start: quadraticVariation, count: count)))
      : nil
    return ReverseDiffusionResult(
      paths: count, totals: totals, endpointMoments: idealMoments,
      learnedEndpointMoments: learnedMoments, records: records)
  }

  func deallocate() {
    for buffer in [
      ideal, learned, martingale, quadraticVariation, learnedEnergy, noise, score, error,
    ] {
      buffer.deallocate()
    }
  }
}
