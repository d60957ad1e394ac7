import Foundation
import GSL
import MonteCarlo

/// The ideal-path energy ε² of THEORY.md §2 without simulating paths.
extension ReverseDiffusion {
  /// ε² = ∫_{t₀}^{T} E_{X ~ U_t q} ‖e(X, t)‖² dt.
  ///
  /// With an exact start Law(Y_t) = U_t(q), so this is the continuous-time
  /// value of E⟨M⟩ (the simulation's Riemann sum differs by O(h)). The time
  /// integral uses GSL's `qag`; the inner expectation comes from
  /// `meanSquaredScoreError(at:)` when that has a closed form or
  /// one-dimensional quadrature. Otherwise (difference kinds with d > 1)
  /// both integrals are done by Monte Carlo over (t, X) with t stratified
  /// on [t₀, T], and the estimate carries a standard error.
  ///
  /// - Parameters:
  ///   - samples: Monte Carlo draws, used only in the last case (≥ 2).
  ///   - runner, streamBase: the Monte Carlo streams.
  /// - Throws: `GSLError` if a quadrature fails to converge.
  public func pathEnergy(
    samples: Int = 100_000, runner: BlockRunner = BlockRunner(seed: 1, threads: 1),
    streamBase: UInt64 = 0
  ) throws -> Estimate {
    guard try meanSquaredScoreError(at: horizon) != nil else {
      return try pathEnergyByMonteCarlo(samples: samples, runner: runner, streamBase: streamBase)
    }
    var failure: Error?
    let integral = try Quadrature.qag(
      { t in
        do { return try meanSquaredScoreError(at: t) ?? .nan } catch {
          failure = failure ?? error
          return .nan
        }
      }, from: stopTime, to: horizon, absoluteTolerance: 1e-13, relativeTolerance: 1e-9)
    if let failure { throw failure }
    return .exact(integral.value)
  }

  /// E_{X ~ U_t q} ‖e(X, t)‖², or nil when only Monte Carlo can give it.
  ///
  /// - constant: λ² b(t)² ‖u‖²;
  /// - linear: λ² (a² E‖X‖² + 2 a b(t) u·E X + b(t)² ‖u‖²);
  /// - along a unit u: λ² a² Σₖ wₖ ((u·mₖ)² + vₖ);
  /// - bounded: λ² β² Σᵢ E tanh²(Xᵢ), one `qagi` per coordinate over the
  ///   standard normal variable of each component;
  /// - differences, d = 1: Σₖ wₖ ∫ φ(z) λ² (s_q − s_o)²(mₖ + √vₖ z) dz,
  ///   `qagi` centred on each component of U_t q;
  /// - differences, d > 1: nil.
  /// Here mₖ, vₖ are the parameters of U_t(q).
  public func meanSquaredScoreError(at t: Double) throws -> Double? {
    let e = compiledError
    let law = data.smoothed(by: t)
    let lambda2 = e.errorScale * e.errorScale
    let b = e.profile.value(at: t)
    let u2 = e.direction.reduce(0) { $0 + $1 * $1 }
    switch e.kind {
    case .zero:
      return 0
    case .constant:
      return lambda2 * b * b * u2
    case .linear:
      let meanProjection = zip(e.direction, law.mean).reduce(0) { $0 + $1.0 * $1.1 }
      return lambda2
        * (e.slope * e.slope * law.secondMoment + 2 * e.slope * b * meanProjection + b * b * u2)
    case .alongDirection:
      var second = 0.0
      for k in 0..<law.componentCount {
        let projection = zip(e.direction, law.mean(ofComponent: k)).reduce(0) { $0 + $1.0 * $1.1 }
        second += law.weights[k] * (projection * projection + law.variances[k])
      }
      return lambda2 * e.slope * e.slope * second
    case .bounded:
      return lambda2 * e.height * e.height * (try meanSquaredTanh(law))
    case .difference:
      guard data.dimension == 1 else { return nil }
      return lambda2 * (try meanSquaredScoreGap(law, e.other!.smoothed(by: t)))
    }
  }

  /// Σᵢ E tanh²(Xᵢ) under a mixture, by `qagi` per coordinate.
  private func meanSquaredTanh(_ law: GaussianMixture) throws -> Double {
    var total = 0.0
    for i in 0..<law.dimension {
      let integral = try Quadrature.qagi(
        { z in
          var sum = 0.0
          for k in 0..<law.componentCount {
            let x = law.flatMeans[k * law.dimension + i] + law.variances[k].squareRoot() * z
            let y = tanh(x)
            sum += law.weights[k] * y * y
          }
          return sum * exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        }, absoluteTolerance: 1e-14, relativeTolerance: 1e-10)
      total += integral.value
    }
    return total
  }

  /// E_{U_t q} (s_q − s_o)² in one dimension, component by component.
  private func meanSquaredScoreGap(_ law: GaussianMixture, _ other: GaussianMixture) throws
    -> Double
  {
    var total = 0.0
    for k in 0..<law.componentCount {
      let m = law.flatMeans[k], sd = law.variances[k].squareRoot()
      let integral = try Quadrature.qagi(
        { z in
          let x = [m + sd * z]
          let gap = law.score(at: x)[0] - other.score(at: x)[0]
          return gap * gap * exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        }, absoluteTolerance: 1e-14, relativeTolerance: 1e-9)
      total += law.weights[k] * integral.value
    }
    return total
  }

  /// ε² by Monte Carlo over (t, X): draw i of n uses
  /// t = t₀ + (T − t₀)(i + U)/n and X ~ U_t(q). The standard error is the
  /// plain i.i.d. one, conservative for the stratified times.
  private func pathEnergyByMonteCarlo(
    samples: Int, runner: BlockRunner, streamBase: UInt64
  ) throws -> Estimate {
    try require(samples >= 2, "Monte Carlo needs at least 2 samples, got \(samples)")
    let sizes = BlockRunner.blockSizes(total: samples, blockSize: 1024)
    let d = data.dimension, width = horizon - stopTime
    let blocks = runner.run(blocks: sizes.count, streamBase: streamBase) { block, stream in
      let truth = SmoothedScore(data)
      var error = ScoreErrorKernel(compiledError)
      let x = UnsafeMutablePointer<Double>.allocate(capacity: 3 * d)
      defer {
        truth.deallocate()
        error.deallocate()
        x.deallocate()
      }
      var moments = Moments()
      for j in 0..<sizes[block] {
        let index = Double(block * 1024 + j)
        let t = stopTime + width * (index + stream.uniform()) / Double(samples)
        truth.prepare(time: t)
        error.prepare(time: t)
        data.smoothed(by: t).sample(into: x, using: stream)
        truth.score(x, into: x + d)
        error.evaluate(x, trueScore: x + d, into: x + 2 * d)
        var norm2 = 0.0
        for i in 0..<d { norm2 += x[2 * d + i] * x[2 * d + i] }
        moments.add(width * norm2)
      }
      return moments
    }
    var total = Moments()
    for moments in blocks { total.merge(moments) }
    return total.meanEstimate
  }
}
