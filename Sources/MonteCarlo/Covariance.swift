/// Running means and co-moment of paired observations (x, y), mergeable
/// across blocks by the Chan–Golub–LeVeque update.
public struct Covariance: Equatable, Sendable {
  public private(set) var count: Double = 0
  public private(set) var meanX: Double = 0
  public private(set) var meanY: Double = 0
  /// Σ (x − x̄)(y − ȳ).
  public private(set) var comoment: Double = 0

  public init() {}

  /// Adds one pair. Cost: O(1), no allocation.
  @inline(__always)
  public mutating func add(_ x: Double, _ y: Double) {
    count += 1
    let dx = x - meanX
    meanX += dx / count
    meanY += (y - meanY) / count
    comoment += dx * (y - meanY)
  }

  /// Merges another block's pairs into these.
  public mutating func merge(_ other: Covariance) {
    guard other.count > 0 else { return }
    guard count > 0 else { self = other; return }
    let n = count + other.count
    let dx = other.meanX - meanX, dy = other.meanY - meanY
    comoment += other.comoment + dx * dy * count * other.count / n
    meanX += dx * other.count / n
    meanY += dy * other.count / n
    count = n
  }

  /// The unbiased sample covariance.
  public var covariance: Double { count > 1 ? comoment / (count - 1) : .nan }
}
