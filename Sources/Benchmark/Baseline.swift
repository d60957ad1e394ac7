import CBaseline
import Diffusion
import Dispatch
import GSL
import MonteCarlo

/// The C baseline (`baseline_simulate_block`) run over the same blocks,
/// seeds and thread split as `ReverseDiffusion.simulate`: block b of the
/// workload's paths runs on the generator seeded with
/// `RandomStream.derivedSeed(seed:stream: b)`, and thread w takes blocks
/// w, w + threads, … as `BlockRunner` does. Only the per-block call is
/// C; the split costs one Swift call per block.
enum Baseline {
  /// Runs the workload on `threads` threads and returns its per-path means.
  /// - Throws: `BenchmarkError` if a block runs out of memory.
  static func run(_ workload: BenchmarkWorkload, threads: Int) throws -> PathMeans {
    let data = try BenchmarkWorkload.data()
    let sizes = BlockRunner.blockSizes(total: workload.paths, blockSize: workload.blockSize)
    let sums = UnsafeMutableBufferPointer<baseline_sums>.allocate(capacity: sizes.count)
    sums.initialize(repeating: baseline_sums())
    let statuses = UnsafeMutableBufferPointer<Int32>.allocate(capacity: sizes.count)
    statuses.initialize(repeating: 0)
    defer {
      sums.deallocate()
      statuses.deallocate()
    }

    withProblem(data, steps: workload.steps) { problem in
      let workers = min(threads, sizes.count)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for block in stride(from: worker, to: sizes.count, by: workers) {
          let seed = RandomStream.derivedSeed(seed: workload.seed, stream: UInt64(block))
          statuses[block] = baseline_simulate_block(
            problem, sizes[block], UInt(seed), sums.baseAddress! + block)
        }
      }
    }
    guard statuses.allSatisfy({ $0 == 0 }) else {
      throw BenchmarkError("the C baseline ran out of memory")
    }
    return merged(sums, paths: workload.paths)
  }

  /// The block sums added in block order, divided by the path count.
  private static func merged(
    _ sums: UnsafeMutableBufferPointer<baseline_sums>, paths: Int
  ) -> PathMeans {
    var total = baseline_sums()
    for block in sums {
      total.martingale += block.martingale
      total.quadratic_variation += block.quadratic_variation
      total.learned_energy += block.learned_energy
      total.endpoint += block.endpoint
      total.learned_endpoint += block.learned_endpoint
    }
    let n = Double(paths)
    return PathMeans(
      martingale: total.martingale / n, quadraticVariation: total.quadratic_variation / n,
      learnedEnergy: total.learned_energy / n, endpoint: total.endpoint / n,
      learnedEndpoint: total.learned_endpoint / n)
  }

  /// Calls `body` with the workload as a `baseline_problem` whose arrays
  /// stay valid for the call.
  private static func withProblem(
    _ data: GaussianMixture, steps: Int,
    _ body: (UnsafePointer<baseline_problem>) -> Void
  ) {
    data.weights.withUnsafeBufferPointer { weights in
      data.flatMeans.withUnsafeBufferPointer { means in
        data.variances.withUnsafeBufferPointer { variances in
          BenchmarkWorkload.direction.withUnsafeBufferPointer { direction in
            var problem = baseline_problem(
              dimension: Int32(data.dimension), components: Int32(data.componentCount),
              weights: weights.baseAddress, means: means.baseAddress,
              variances: variances.baseAddress, direction: direction.baseAddress,
              slope: BenchmarkWorkload.slope, error_scale: BenchmarkWorkload.errorScale,
              horizon: BenchmarkWorkload.horizon, stop_time: BenchmarkWorkload.stopTime,
              steps: Int32(steps), learned_path: 1)
            body(&problem)
          }
        }
      }
    }
  }
}
