import Diffusion
import Foundation
import GSL
import Harness

/// One score error of a scenario: its label, its resolved JSON and the
/// engine's model at unit scale (λ = 1; the scenario's `errorScale`
/// multiplies it).
public struct ScoreErrorSpec {
  public let label: String
  public let json: JSONValue
  public let model: ScoreError

  /// The kinds a scenario may name, with their keys:
  ///
  ///     {"kind": "constant", "value": b, "direction": [u…]}
  ///     {"kind": "oscillating", "amplitude": b, "cycles": k, "direction": [u…]}
  ///     {"kind": "linear", "slope": a, "offset": b, "direction": [u…]}
  ///     {"kind": "aligned-linear", "slope": a, "direction": [u…] | "leading" | "random"}
  ///     {"kind": "tanh", "height": β}
  ///     {"kind": "mixture-difference", "other": <data>}
  ///     {"kind": "kernel-density", "samples": n, "bandwidth": h}
  ///
  /// `direction` defaults to e₁; "leading" is the data covariance's leading
  /// eigenvector (`gsl_eigen_symmv`; when the top eigenvalue is repeated,
  /// as for `paper-mixture` where e₁ and e₂ tie, GSL's choice within the
  /// eigenspace, which is deterministic but arbitrary), "random" a unit vector drawn from
  /// stream `directionSeed` (default 1). The kernel-density sample is drawn
  /// from the data with stream `sampleSeed` (default 1). Every kind takes
  /// an optional `label`.
  static let kinds = [
    "constant", "oscillating", "linear", "aligned-linear", "tanh",
    "mixture-difference", "kernel-density",
  ]

  static func read(_ value: JSONValue, data: GaussianMixture, horizon: Double,
    label: String) throws -> ScoreErrorSpec
  {
    var reader = try ScenarioReader(value, label: "\(label): scoreError")
    let kind = try reader.choice("kind", from: kinds, default: "")
    guard !kind.isEmpty else {
      throw reader.error("'kind' is required (one of \(kinds.joined(separator: ", ")))")
    }
    let name = try reader.string("label", default: kind)
    let d = data.dimension
    var fields: [(String, JSONValue)] = [("kind", .string(kind)), ("label", .string(name))]
    func direction() throws -> [Double] {
      let u = try directionVector(&reader, data: data)
      fields.append(("direction", .array(u.map(JSONValue.number))))
      return u
    }
    func number(_ key: String, _ fallback: Double) throws -> Double {
      let x = try reader.number(key, default: fallback)
      fields.append((key, .number(x)))
      return x
    }

    let model: ScoreError
    switch kind {
    case "constant":
      let b = try number("value", 1)
      model = .constant(profile: .constant(b), direction: try direction(), errorScale: 1)
    case "oscillating":
      let b = try number("amplitude", 1), k = try number("cycles", 4)
      model = .constant(profile: .oscillating(amplitude: b, cycles: k, horizon: horizon),
        direction: try direction(), errorScale: 1)
    case "linear":
      let a = try number("slope", 1), b = try number("offset", 0)
      model = .linear(slope: a, offset: .constant(b), direction: try direction(),
        errorScale: 1)
    case "aligned-linear":
      let a = try number("slope", 1)
      model = .alongDirection(slope: a, direction: try direction(), errorScale: 1)
    case "tanh":
      model = .bounded(height: try number("height", 1), errorScale: 1)
    case "mixture-difference":
      let (other, otherJSON) = try DataSpec.read(reader.value("other"), label: label)
      fields.append(("other", otherJSON))
      model = .mixtureDifference(other: other, errorScale: 1)
    default:  // kernel-density
      let n = try reader.integer("samples", default: 100)
      let h = try number("bandwidth", 0.6)
      let seed = try reader.integer("sampleSeed", default: 1)
      guard (2...100_000).contains(n), seed >= 0 else {
        throw reader.error("'samples' must be from 2 to 100000 and 'sampleSeed' ≥ 0")
      }
      fields += [("samples", .integer(n)), ("sampleSeed", .integer(seed))]
      let stream = RandomStream(seed: UInt64(seed), stream: 0)
      let flat = data.samples(count: n, using: stream)
      let points = (0..<n).map { Array(flat[$0 * d..<($0 + 1) * d]) }
      model = .kernelDensityDifference(points: points, bandwidth: h, errorScale: 1)
    }
    try reader.finish()
    return ScoreErrorSpec(label: name, json: .object(fields), model: model)
  }

  /// A unit direction from the `direction` key (default e₁).
  static func directionVector(_ reader: inout ScenarioReader, data: GaussianMixture)
    throws -> [Double]
  {
    let d = data.dimension
    var u = [Double](repeating: 0, count: d)
    switch reader.value("direction") {
    case nil: u[0] = 1
    case .string("leading")?:
      u = try LinearAlgebra.symmetricEigen(data.covarianceMatrix).vectors[0]
    case .string("random")?:
      let seed = try reader.integer("directionSeed", default: 1)
      let stream = RandomStream(seed: UInt64(max(seed, 0)), stream: 1)
      u = (0..<d).map { _ in stream.gaussian() }
    case let value?:
      u = try DataSpec.vector(value, dimension: d, reader)
    }
    _ = try? reader.integer("directionSeed", default: 1)
    let norm = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { throw reader.error("'direction' must not be zero") }
    return u.map { $0 / norm }
  }
}
