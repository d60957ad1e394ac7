import Diffusion

/// What the benchmark times: the paper's ten-dimensional mixture
/// experiment run through `ReverseDiffusion.simulate`.
///
/// The data law q has d = 10 and five equal-weight components of variance
/// 0.36 (the paper's mixture bandwidth), with means at the origin and at
/// (±4, ±4, 0, …, 0). The score error is linear along the first axis,
///
///     e(x, t) = λ a (u·x) u,   u = e₁, a = 1, λ = 1,
///
/// and the reverse paths start exactly, Y_T ~ U_T(q), with T = 4 and
/// t₀ = 0.02 (THEORY.md §1–2). Only the path and step counts, the block
/// size and the seed vary, so a test can run a tiny copy of the same loop.
public struct BenchmarkWorkload: Sendable, Equatable, Codable {
  /// The workload's name in reports.
  public let name: String
  /// Reverse paths, ≥ 1.
  public let paths: Int
  /// Euler–Maruyama steps, ≥ 1.
  public let steps: Int
  /// Paths per block, ≥ 1 (as `simulate(blockSize:)`).
  public let blockSize: Int
  /// The run seed; block b draws from stream b.
  public let seed: UInt64

  /// d.
  public static let dimension = 10
  /// The component variance, the same for all five components.
  public static let componentVariance = 0.36
  /// T.
  public static let horizon = 4.0
  /// t₀.
  public static let stopTime = 0.02
  /// a.
  public static let slope = 1.0
  /// λ.
  public static let errorScale = 1.0

  /// The paper mixture with `paths` paths of `steps` steps.
  /// - Throws: `BenchmarkError` unless paths, steps and blockSize are ≥ 1.
  public static func paperMixture(
    paths: Int = 20_000, steps: Int = 1_000, blockSize: Int = 256, seed: UInt64 = 1
  ) throws -> BenchmarkWorkload {
    guard paths >= 1, steps >= 1, blockSize >= 1 else {
      throw BenchmarkError(
        "paths (\(paths)), steps (\(steps)) and block size (\(blockSize)) must be ≥ 1")
    }
    return BenchmarkWorkload(
      name: "paper-mixture", paths: paths, steps: steps, blockSize: blockSize, seed: seed)
  }

  /// The component means μₖ: the origin and (±4, ±4, 0, …, 0).
  static var means: [[Double]] {
    let corners = [(0.0, 0.0), (4.0, 4.0), (4.0, -4.0), (-4.0, 4.0), (-4.0, -4.0)]
    return corners.map { first, second in
      [first, second] + Array(repeating: 0.0, count: dimension - 2)
    }
  }

  /// u = e₁.
  static var direction: [Double] {
    [1] + Array(repeating: 0.0, count: dimension - 1)
  }

  /// The data law q.
  static func data() throws -> GaussianMixture {
    try GaussianMixture(
      weights: Array(repeating: 0.2, count: 5), means: means,
      variances: Array(repeating: componentVariance, count: 5))
  }

  /// The Swift engine for this workload.
  func diffusion() throws -> ReverseDiffusion {
    try ReverseDiffusion(
      data: BenchmarkWorkload.data(),
      scoreError: .alongDirection(
        slope: BenchmarkWorkload.slope, direction: BenchmarkWorkload.direction,
        errorScale: BenchmarkWorkload.errorScale),
      horizon: BenchmarkWorkload.horizon, stopTime: BenchmarkWorkload.stopTime,
      steps: steps, start: .exact)
  }

  /// paths · steps: each path-step advances one ideal and one learned path.
  public var pathSteps: Double { Double(paths) * Double(steps) }
}

/// A benchmark that cannot run: a bad parameter, or the C baseline out of
/// memory.
public struct BenchmarkError: Error, CustomStringConvertible, Equatable {
  /// One line saying what is wrong.
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
