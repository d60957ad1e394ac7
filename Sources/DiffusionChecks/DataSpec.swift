import Diffusion
import Harness

/// Reads the `data` key of a diffusion scenario: the data law q as an
/// isotropic Gaussian mixture.
///
///     {"kind": "gaussian", "dimension": d, "mean": m or [m…], "variance": v}
///     {"kind": "mixture", "components": [{"weight", "mean", "variance"}, …]}
///     {"preset": "paper-mixture"}
enum DataSpec {
  /// The paper's mixture experiment (Khelifa, Turner and Venkataramanan,
  /// 2026, §5): d = 10, five equally weighted components of variance 0.36
  /// (σ = 0.6). The paper does not publish its means; we place them at the
  /// origin and at (±4, ±4, 0, …, 0), well separated (8 standard deviations
  /// between neighbours) so that the mixture is genuinely multimodal.
  static func paperMixture() -> GaussianMixture {
    let corners: [(Double, Double)] = [(0, 0), (4, 4), (4, -4), (-4, 4), (-4, -4)]
    let means = corners.map { c -> [Double] in
      var mean = [Double](repeating: 0, count: 10)
      (mean[0], mean[1]) = c
      return mean
    }
    return try! GaussianMixture(
      weights: Array(repeating: 0.2, count: 5), means: means,
      variances: Array(repeating: 0.36, count: 5))
  }

  static func read(_ value: JSONValue?, label: String) throws
    -> (GaussianMixture, JSONValue)
  {
    guard let value else { throw InputError("\(label): 'data' is required") }
    var reader = try ScenarioReader(value, label: "\(label): data")
    if let preset = reader.value("preset") {
      guard preset == .string("paper-mixture") else {
        throw reader.error("unknown preset (known: 'paper-mixture')")
      }
      try reader.finish()
      return (paperMixture(), value)
    }
    let kind = try reader.choice("kind", from: ["gaussian", "mixture"], default: "")
    guard !kind.isEmpty else {
      throw reader.error("'kind' ('gaussian' or 'mixture') or 'preset' is required")
    }
    if kind == "gaussian" {
      let d = try reader.integer("dimension", default: 1)
      guard (1...1000).contains(d) else {
        throw reader.error("'dimension' must be from 1 to 1000, got \(d)")
      }
      let mean = try vector(reader.value("mean") ?? .number(0), dimension: d, reader)
      let variance = try reader.number("variance", default: 1)
      try reader.finish()
      let law = try wrap(reader) { try GaussianMixture.gaussian(mean: mean, variance: variance) }
      return (law, .object([("kind", .string("gaussian")), ("dimension", .integer(d)),
        ("mean", .array(mean.map(JSONValue.number))), ("variance", .number(variance))]))
    }
    guard case .array(let items)? = reader.value("components"), !items.isEmpty else {
      throw reader.error("'components' must be a non-empty list")
    }
    try reader.finish()
    var weights = [Double](), means = [[Double]](), variances = [Double]()
    for (k, item) in items.enumerated() {
      var component = try ScenarioReader(item, label: "\(label): component \(k + 1)")
      weights.append(try component.number("weight", default: .nan))
      means.append(try vector(component.value("mean") ?? .null, dimension: nil, component))
      variances.append(try component.number("variance", default: .nan))
      try component.finish()
      guard !weights[k].isNaN, !variances[k].isNaN else {
        throw component.error("'weight', 'mean' and 'variance' are required")
      }
    }
    let law = try wrap(reader) {
      try GaussianMixture(weights: weights, means: means, variances: variances)
    }
    return (law, value)
  }

  /// A number (repeated d times) or a list of numbers.
  static func vector(_ value: JSONValue, dimension: Int?, _ reader: ScenarioReader)
    throws -> [Double]
  {
    switch value {
    case .number(let x) where x.isFinite:
      return Array(repeating: x, count: dimension ?? 1)
    case .array(let items):
      let numbers = items.compactMap { item -> Double? in
        if case .number(let x) = item, x.isFinite { return x } else { return nil }
      }
      guard numbers.count == items.count, !numbers.isEmpty else {
        throw reader.error("a mean must be a number or a list of numbers")
      }
      if let d = dimension, numbers.count != d {
        throw reader.error("the mean has \(numbers.count) coordinates, expected \(d)")
      }
      return numbers
    default:
      throw reader.error("a mean must be a number or a list of numbers")
    }
  }

  /// Runs `body`, turning the engine's validation errors into input errors.
  static func wrap<T>(_ reader: ScenarioReader, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as DiffusionInputError {
      throw reader.error(error.message)
    }
  }
}

extension GaussianMixture {
  /// The covariance matrix Σ_k w_k (v_k I + μ_k μ_kᵀ) − m mᵀ.
  var covarianceMatrix: [[Double]] {
    let d = dimension, m = mean
    var sigma = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
    for k in 0..<componentCount {
      let mu = self.mean(ofComponent: k)
      for i in 0..<d {
        sigma[i][i] += weights[k] * variances[k]
        for j in 0..<d { sigma[i][j] += weights[k] * mu[i] * mu[j] }
      }
    }
    for i in 0..<d { for j in 0..<d { sigma[i][j] -= m[i] * m[j] } }
    return sigma
  }
}
