import CGSL

/// A GSL random number generator with an explicit type and seed.
///
/// CollapseCheck uses Mersenne Twister (`gsl_rng_mt19937`) throughout.
/// Independent streams come from `RandomStream(seed:stream:)`, which seeds a
/// fresh generator with a 32-bit value derived from the run seed and a stream
/// index by the SplitMix64 finaliser. A seed and a stream index fully
/// determine every number drawn from the stream.
///
/// Known shortcoming: GSL's mt19937 takes a 32-bit seed, so two distinct
/// (seed, stream) pairs collide with probability about k²/2³³ for k streams
/// (under 10⁻⁴ for the few hundred streams of a default run). A collision
/// would correlate two blocks of a Monte Carlo estimate, not bias it.
public final class RandomStream {
  /// The underlying generator; only this module's (inlinable) code
  /// touches it.
  @usableFromInline let state: UnsafeMutablePointer<gsl_rng>

  /// The GSL generator name, for reports (`"mt19937"`).
  public static let generatorName = String(cString: gsl_rng_mt19937.pointee.name)

  /// A generator seeded directly with `gsl_rng_set(r, seed)`.
  public init(rawSeed: UInt) {
    installErrorHandlerOff()
    guard let rng = gsl_rng_alloc(gsl_rng_mt19937) else {
      fatalError("gsl_rng_alloc: out of memory")
    }
    state = rng
    gsl_rng_set(state, rawSeed)
  }

  /// Stream number `stream` of the run seeded with `seed`.
  public convenience init(seed: UInt64, stream: UInt64) {
    self.init(rawSeed: UInt(RandomStream.derivedSeed(seed: seed, stream: stream)))
  }

  deinit { gsl_rng_free(state) }

  /// The 32-bit mt19937 seed of stream `stream` under run seed `seed`:
  /// SplitMix64 applied to `seed` and then to the stream index, folded to
  /// 32 bits and kept non-zero.
  public static func derivedSeed(seed: UInt64, stream: UInt64) -> UInt32 {
    let mixed = splitMix64(splitMix64(seed) ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    let folded = UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
    return folded == 0 ? 1 : folded
  }

  /// The SplitMix64 output function (Steele, Lea and Flood, 2014).
  @inline(__always)
  static func splitMix64(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next raw 32-bit output (`gsl_rng_get`).
  @inlinable
  public func nextRaw() -> UInt { gsl_rng_get(state) }
}
