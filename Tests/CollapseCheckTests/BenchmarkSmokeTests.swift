import Benchmark
import Testing

/// The benchmark on tiny workloads: it runs, rates are positive, and the
/// Swift engine and the C baseline compute the same numbers from the same
/// seeds. Timings are never asserted: they depend on the machine.
@Suite struct BenchmarkSmokeTests {
  /// Tolerance 10⁻¹⁰: both loops produce the same paths bit for bit (see
  /// the single-path test); the means differ only because the engine
  /// accumulates running moments and the baseline plain sums, a rounding
  /// gap of about n ε times the condition of the sum (about 10⁻¹³ here).
  @Test func tinyRunHasPositiveRatesAndMatchingMeans() throws {
    let report = try runBenchmark(paths: 300, steps: 20, threadsToTry: [1, 2], repeats: 1)
    #expect(report.measurements.count == 4)
    for m in report.measurements {
      #expect((report.pathStepsPerSecond(m.engine, threads: m.threads) ?? 0) > 0)
    }
    #expect(report.largestRelativeGap <= 1e-10)
    #expect(report.swiftOverC() != nil && report.speedUp(.swift, threads: 2) != nil)
    #expect(try report.json().contains("\"paper-mixture\""))
    #expect(describe(report).contains("path-steps/s"))
  }

  /// One path: a mean of one value is the value, so any difference in the
  /// arithmetic of the two loops would show here.
  @Test func singlePathMatchesTheBaselineBitForBit() throws {
    let report = try runBenchmark(paths: 1, steps: 30, threadsToTry: [1], repeats: 1)
    #expect(report.swiftMeans == report.baselineMeans)
  }

  @Test func rejectsAnEmptyWorkload() {
    #expect(throws: BenchmarkError.self) { try runBenchmark(paths: 0, steps: 10) }
    #expect(throws: BenchmarkError.self) { try runBenchmark(paths: 10, steps: 10, repeats: 0) }
  }
}
