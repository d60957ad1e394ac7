import Diffusion
import GSL
import MonteCarlo
import Testing
import Foundation

@Suite struct OrnsteinUhlenbeckTests {
  @Test func exactTransitionHasTheOrnsteinUhlenbeckMoments() throws {
    let transition = try OrnsteinUhlenbeck(elapsed: 0.7)
    let stream = RandomStream(seed: 3, stream: 0)
    var moments = Moments()
    var x = [0.0]
    for _ in 0..<100_000 {
      x[0] = 2
      x.withUnsafeMutableBufferPointer { transition.advance($0, using: stream) }
      moments.add(x[0])
    }
    expectWithin(moments.meanEstimate, of: 2 * exp(-0.35), "E X_t = e^{−Δ/2} x")
    expectWithin(moments.varianceEstimate, of: 1 - exp(-0.7), "Var X_t = 1 − e^{−Δ}")
  }

  @Test func twoTransitionsEqualOneOverTheSummedTime() throws {
    let a = try OrnsteinUhlenbeck(elapsed: 0.2), b = try OrnsteinUhlenbeck(elapsed: 0.5)
    let ab = try OrnsteinUhlenbeck(elapsed: 0.7)
    expectClose(a.decay * b.decay, ab.decay, tolerance: 1e-15, "decays multiply")
    let noise = b.decay * b.decay * a.noiseScale * a.noiseScale + b.noiseScale * b.noiseScale
    expectClose(noise, ab.noiseScale * ab.noiseScale, tolerance: 1e-15, "noise variances add")
  }

  @Test func lawOfAMixtureStartIsItsSmoothing() throws {
    let q = try twoBumps()
    #expect(OrnsteinUhlenbeck.law(of: q, at: 0.4) == q.smoothed(by: 0.4))
  }
}
