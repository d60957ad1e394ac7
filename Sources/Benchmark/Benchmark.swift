import Dispatch
import Foundation
import MonteCarlo

/// Times the Swift reverse-diffusion engine against the C baseline on the
/// paper-mixture workload (`BenchmarkWorkload`).
///
/// For each thread count in `threadsToTry`, runs
/// `ReverseDiffusion.simulate` and the C baseline over the same blocks and
/// seeds, `repeats` times each, interleaved so that drift in the machine's
/// load hits every configuration alike. Times are wall times on the
/// monotonic clock; the report keeps every repeat and rates each
/// configuration by its fastest. The default workload
/// (20 000 paths × 1 000 steps) takes about 35 s per repeat on two cores;
/// pass small `paths` and `steps` for a smoke test.
///
/// Known shortcoming: on a shared or virtual machine the repeats of one
/// configuration spread by about 10 %, so a ratio from one run can move by
/// as much; compare `coreShare` (other work taking cores) and the medians,
/// and use more repeats when a target is close.
///
/// - Parameters:
///   - paths, steps: the workload size, ≥ 1.
///   - threadsToTry: thread counts, each ≥ 1; include 1 for the ratios.
///   - repeats: ≥ 1 timings per configuration.
///   - seed: the run seed.
///   - progress: called with one line before each timing (for a CLI to
///     print to stderr).
/// - Throws: `BenchmarkError` for bad parameters or memory exhaustion.
public func runBenchmark(
  paths: Int = 20_000, steps: Int = 1_000, threadsToTry: [Int] = [1, 2],
  repeats: Int = 3, seed: UInt64 = 1, progress: (String) -> Void = { _ in }
) throws -> BenchmarkReport {
  let workload = try BenchmarkWorkload.paperMixture(paths: paths, steps: steps, seed: seed)
  guard !threadsToTry.isEmpty, threadsToTry.allSatisfy({ $0 >= 1 }), repeats >= 1 else {
    throw BenchmarkError("thread counts and repeats must be ≥ 1, got \(threadsToTry), \(repeats)")
  }
  let diffusion = try workload.diffusion()
  let threadCounts = Array(Set(threadsToTry)).sorted()

  var times: [String: [Time]] = [:]
  var swiftMeans: PathMeans?, baselineMeans: PathMeans?
  for repeat_ in 1...repeats {
    for threads in threadCounts {
      progress("repeat \(repeat_)/\(repeats): Swift on \(threads) thread(s)")
      let runner = BlockRunner(seed: workload.seed, threads: threads)
      let (result, swiftTime) = timed {
        diffusion.simulate(paths: workload.paths, runner: runner, blockSize: workload.blockSize)
      }
      times["swift \(threads)", default: []].append(swiftTime)
      swiftMeans = PathMeans(result)

      progress("repeat \(repeat_)/\(repeats): C on \(threads) thread(s)")
      let (means, cTime) = try timed { try Baseline.run(workload, threads: threads) }
      times["c \(threads)", default: []].append(cTime)
      baselineMeans = means
    }
  }

  let measurements = threadCounts.flatMap { threads in
    [BenchmarkReport.Engine.swift, .c].map { engine in
      let runs = times["\(engine.rawValue) \(threads)"]!
      return BenchmarkReport.Measurement(
        engine: engine, threads: threads, seconds: runs.map(\.wall),
        cpuSeconds: runs.map(\.cpu))
    }
  }
  return BenchmarkReport(
    workload: workload, measurements: measurements, swiftMeans: swiftMeans!,
    baselineMeans: baselineMeans!,
    largestRelativeGap: swiftMeans!.largestRelativeGap(to: baselineMeans!))
}

/// Wall and CPU seconds of one timed run.
struct Time {
  /// Monotonic wall clock (`DispatchTime`, CLOCK_MONOTONIC on Linux).
  let wall: Double
  /// CPU time of the whole process, all threads (CLOCK_PROCESS_CPUTIME_ID).
  let cpu: Double
}

/// The value of `body` and how long it took.
func timed<Value>(_ body: () throws -> Value) rethrows -> (Value, Time) {
  let wallStart = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUSeconds()
  let value = try body()
  let wallEnd = DispatchTime.now().uptimeNanoseconds, cpuEnd = processCPUSeconds()
  return (value, Time(wall: Double(wallEnd - wallStart) * 1e-9, cpu: cpuEnd - cpuStart))
}

/// The CPU seconds this process has used so far, on all threads.
private func processCPUSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
