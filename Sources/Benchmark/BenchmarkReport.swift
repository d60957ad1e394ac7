/// The timings of one benchmark run and what they say: path-steps per
/// second of each engine and thread count, the Swift/C ratio per core,
/// the parallel speed-up, and whether the two engines computed the same
/// numbers.
public struct BenchmarkReport: Sendable, Codable {
  /// The loop being timed.
  public enum Engine: String, Sendable, Codable {
    /// `ReverseDiffusion.simulate`.
    case swift
    /// The C baseline over the same blocks and seeds.
    case c
  }

  /// One engine at one thread count, timed `repeats` times.
  public struct Measurement: Sendable, Codable {
    /// Which loop ran.
    public let engine: Engine
    /// Worker threads (blocks split round-robin, as `BlockRunner`).
    public let threads: Int
    /// Wall time of each repeat, in seconds (monotonic clock).
    public let seconds: [Double]
    /// CPU time of each repeat, in seconds, summed over all threads.
    public let cpuSeconds: [Double]
    /// The fastest repeat: the least disturbed by other work on the machine.
    public var bestSeconds: Double { seconds.min()! }
    /// The median repeat (the upper middle one of an even count).
    public var medianSeconds: Double { seconds.sorted()[seconds.count / 2] }
    /// CPU time over wall time × threads in the fastest repeat: near 1
    /// when every thread had a core to itself, lower when other work on
    /// the machine took cores away (then the speed-ups understate).
    public var coreShare: Double {
      let best = seconds.firstIndex(of: bestSeconds)!
      return cpuSeconds[best] / (seconds[best] * Double(threads))
    }
  }

  /// The target for `swiftOverC`: Swift within 1.25× of C on one core.
  public static let swiftOverCTarget = 1.25
  /// The target for the Swift speed-up on two threads.
  public static let speedUpTarget = 1.8

  /// What was timed.
  public let workload: BenchmarkWorkload
  /// One per engine and thread count, by thread count, Swift first.
  public let measurements: [Measurement]
  /// The per-path means of the Swift engine.
  public let swiftMeans: PathMeans
  /// The per-path means of the C baseline, from the same seeds.
  public let baselineMeans: PathMeans
  /// The largest relative gap between `swiftMeans` and `baselineMeans`;
  /// rounding level (≲ 10⁻¹²) when both did the same arithmetic, exactly 0
  /// for a single path.
  public let largestRelativeGap: Double

  /// The measurement of `engine` on `threads` threads, if it ran.
  public func measurement(_ engine: Engine, threads: Int) -> Measurement? {
    measurements.first { $0.engine == engine && $0.threads == threads }
  }

  /// Path-steps per second of `engine` on `threads` threads (best repeat).
  public func pathStepsPerSecond(_ engine: Engine, threads: Int) -> Double? {
    measurement(engine, threads: threads).map { workload.pathSteps / $0.bestSeconds }
  }

  /// Swift time over C time on `threads` threads (best repeats); the
  /// language overhead when `threads` is 1.
  public func swiftOverC(threads: Int = 1) -> Double? {
    guard let swift = measurement(.swift, threads: threads),
      let c = measurement(.c, threads: threads)
    else { return nil }
    return swift.bestSeconds / c.bestSeconds
  }

  /// The time of `engine` on one thread over its time on `threads`.
  public func speedUp(_ engine: Engine, threads: Int) -> Double? {
    guard let one = measurement(engine, threads: 1),
      let many = measurement(engine, threads: threads)
    else { return nil }
    return one.bestSeconds / many.bestSeconds
  }
}
