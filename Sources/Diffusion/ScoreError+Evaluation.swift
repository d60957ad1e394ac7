/// Pointwise evaluation of a score error, outside the path loops.
extension ScoreError {
  /// e(x, t) for data q, written into `out` (d values).
  ///
  /// The difference kinds compare ∇log U_t(q) with ∇log U_t(other), both
  /// smoothed to time t. Convenience for tests and reports: it compiles
  /// the error on every call (allocating); the path loops compile once.
  /// - Throws: `DiffusionInputError` for an invalid error or dimension.
  public func evaluate(
    at x: UnsafeBufferPointer<Double>, time t: Double, data: GaussianMixture,
    into out: UnsafeMutableBufferPointer<Double>
  ) throws {
    let d = data.dimension
    try require(x.count == d && out.count == d, "point or output has the wrong dimension")
    try require(t >= 0 && t.isFinite, "time \(t) must be finite and ≥ 0")
    var kernel = ScoreErrorKernel(try CompiledScoreError(self, dimension: d))
    let truth = SmoothedScore(data)
    defer {
      kernel.deallocate()
      truth.deallocate()
    }
    let trueScore = UnsafeMutableBufferPointer<Double>.allocate(capacity: d)
    defer { trueScore.deallocate() }

    truth.prepare(time: t)
    kernel.prepare(time: t)
    truth.score(x.baseAddress!, into: trueScore.baseAddress!)
    kernel.evaluate(x.baseAddress!, trueScore: trueScore.baseAddress!, into: out.baseAddress!)
  }

  /// e(x, t) for a point given as an array (allocates the result).
  public func evaluate(at x: [Double], time t: Double, data: GaussianMixture) throws -> [Double] {
    var out = Array(repeating: 0.0, count: data.dimension)
    try x.withUnsafeBufferPointer { xs in
      try out.withUnsafeMutableBufferPointer {
        try evaluate(at: xs, time: t, data: data, into: $0)
      }
    }
    return out
  }
}
