import Dispatch
import GSL

/// Runs Monte Carlo work split into fixed blocks, each with its own random
/// stream, on several threads, and returns the block results in block order.
///
/// Block `b` always draws from stream `streamBase + b` of the run seed, and
/// callers merge the returned array front to back, so every number is
/// bitwise the same for any thread count. Threads take blocks round-robin
/// (thread w runs blocks w, w + threads, ...); blocks should be equal in
/// cost, which keeps the static split balanced.
public struct BlockRunner: Sendable {
  /// The run seed.
  public let seed: UInt64
  /// Worker threads, at least 1.
  public let threads: Int

  public init(seed: UInt64, threads: Int) {
    precondition(threads >= 1)
    self.seed = seed
    self.threads = threads
  }

  /// Runs `body(block, stream)` for `blocks` blocks and returns the results
  /// indexed by block. `body` must touch no shared mutable state.
  public func run<Result>(
    blocks: Int, streamBase: UInt64,
    _ body: (Int, RandomStream) -> Result
  ) -> [Result] {
    precondition(blocks >= 0)
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: blocks)
    results.initialize(repeating: nil)
    defer { results.deallocate() }

    let workers = min(threads, max(blocks, 1))
    withoutActuallyEscaping(body) { body in
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var block = worker
        while block < blocks {
          let stream = RandomStream(seed: seed, stream: streamBase + UInt64(block))
          results[block] = body(block, stream)
          block += workers
        }
      }
    }
    return results.map { $0! }
  }

  /// Splits `total` items into blocks of at most `blockSize`; returns the
  /// size of each block (all equal but possibly the last).
  public static func blockSizes(total: Int, blockSize: Int) -> [Int] {
    precondition(blockSize > 0 && total >= 0)
    let full = total / blockSize
    let rest = total % blockSize
    return Array(repeating: blockSize, count: full) + (rest > 0 ? [rest] : [])
  }
}
