import Foundation
import Testing

@testable import GSL
@testable import MonteCarlo

/// Mergeable accumulators against one sequential pass.
@Suite struct AccumulatorTests {
  func data(_ count: Int) -> [Double] {
    let stream = RandomStream(seed: 11, stream: 0)
    return (0..<count).map { _ in
      let g = stream.gamma(shape: 2, scale: 1.5)  // skewed, heavy-ish tail
      return 10 + g
    }
  }

  func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-11) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
  }

  /// Tolerance 1e-11 relative: the two orders of summation differ only by
  /// rounding, about N·ε for N = 10⁴.
  @Test func momentsMergeEqualsSequentialPass() {
    let values = data(10_000)
    var sequential = Moments()
    values.forEach { sequential.add($0) }
    var merged = Moments()
    var start = 0
    for size in [1, 17, 982, 3000, 6000] {
      var block = Moments()
      values[start..<start + size].forEach { block.add($0) }
      merged.merge(block)
      start += size
    }
    #expect(merged.count == sequential.count)
    #expect(close(merged.mean, sequential.mean))
    #expect(close(merged.m2, sequential.m2))
    #expect(close(merged.m3, sequential.m3, 1e-9))
    #expect(close(merged.m4, sequential.m4))

    // Against a direct two-pass computation.
    let mean = values.reduce(0, +) / Double(values.count)
    let m4 = values.reduce(0) { $0 + pow($1 - mean, 4) }
    #expect(close(sequential.m4, m4, 1e-10))
  }

  @Test func covarianceMergeEqualsSequentialPass() {
    let x = data(5000), y = x.map { 3 * $0 + sin($0) }
    var sequential = Covariance()
    zip(x, y).forEach { sequential.add($0, $1) }
    var merged = Covariance(), block = Covariance()
    for k in x.indices {
      block.add(x[k], y[k])
      if k % 777 == 0 { merged.merge(block); block = Covariance() }
    }
    merged.merge(block)
    #expect(close(merged.covariance, sequential.covariance))
    #expect(close(merged.meanY, sequential.meanY))
  }

  /// For normal data Var(s²) = 2σ⁴/(N − 1); the fourth-moment estimate
  /// must agree within its own sampling error (here 10 %).
  @Test func varianceStandardErrorUsesFourthMoment() {
    let stream = RandomStream(seed: 3, stream: 1)
    var moments = Moments()
    for _ in 0..<200_000 { moments.add(stream.gaussian(standardDeviation: 2)) }
    let predicted = (2 * 16 / (moments.count - 1)).squareRoot()
    let estimate = moments.varianceEstimate
    #expect(abs(estimate.value - 4) < 5 * predicted)
    #expect(abs(estimate.standardError / predicted - 1) < 0.1)
    #expect(abs(moments.excessKurtosis) < 0.1)
  }

  @Test func blockRunnerIsIndependentOfThreadCount() {
    func sums(_ threads: Int) -> [Double] {
      BlockRunner(seed: 99, threads: threads).run(blocks: 13, streamBase: 5) {
        _, stream in (0..<1000).reduce(0.0) { total, _ in total + stream.uniform() }
      }
    }
    #expect(sums(1) == sums(2))
    #expect(sums(2) == sums(3))
    #expect(BlockRunner.blockSizes(total: 1050, blockSize: 500) == [500, 500, 50])
  }
}
