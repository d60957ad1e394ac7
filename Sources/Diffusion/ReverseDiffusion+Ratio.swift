import Foundation
import GSL
import MonteCarlo

extension ReverseDiffusion {
  /// The endpoint density ratio r(y) = p̂(y)/Law(Y_{t₀})(y) = E_P[e^Z | Y_{t₀} = y]
  /// at given points, by time reversal (THEORY.md §2).
  ///
  /// For each point y, `innerPaths` forward OU paths start at y at time t₀
  /// and run to T with exact transitions on the sampler's grid; read
  /// backwards, each is a draw of the ideal reverse path conditioned on
  /// its endpoint, and Z = M − ½⟨M⟩ is evaluated on it as in
  /// `endpointEstimates`. The estimate is the mean of e^Z with its
  /// standard error (sample standard deviation of e^Z over √innerPaths).
  /// Point k uses stream `streamBase + k`.
  ///
  /// Known shortcoming: M and Z are sums on the grid while the paths are
  /// exact, so r̂(y) carries an O(h) bias, as `endpointEstimates` does.
  ///
  /// - Throws: `DiffusionInputError` unless the start is `.exact`, or a
  ///   point's dimension is wrong.
  /// - Complexity: O(points · innerPaths · steps · k d).
  public func likelihoodRatio(
    at points: [[Double]], innerPaths: Int, runner: BlockRunner, streamBase: UInt64 = 0
  ) throws -> [Estimate] {
    try require(start == .exact, "the endpoint ratio by time reversal needs an exact start")
    try require(innerPaths >= 2, "need at least 2 inner paths")
    try require(points.allSatisfy { $0.count == data.dimension }, "point dimension mismatch")
    let transition = try OrnsteinUhlenbeck(elapsed: stepSize)
    return runner.run(blocks: points.count, streamBase: streamBase) { k, stream in
      ratioAt(points[k], paths: innerPaths, transition: transition, stream: stream)
    }
  }

  private func ratioAt(
    _ y: [Double], paths n: Int, transition: OrnsteinUhlenbeck, stream: RandomStream
  ) -> Estimate {
    let d = data.dimension
    let buffer = UnsafeMutablePointer<Double>.allocate(capacity: n * d + 3 * d + 2 * n)
    defer { buffer.deallocate() }
    let x = buffer, martingale = buffer + n * d + 3 * d, energy = martingale + n
    for p in 0..<n { for i in 0..<d { x[p * d + i] = y[i] } }
    martingale.initialize(repeating: 0, count: 2 * n)
    reversedFunctionals(
      paths: n, positions: x, scratch: x + n * d, transition: transition, stream: stream,
      martingale: martingale, energy: energy)
    var ratio = Moments()
    for p in 0..<n { ratio.add(exp(martingale[p] - 0.5 * energy[p])) }
    return ratio.meanEstimate
  }
}
