/// Strict reading of one scenario object: every key must be known, every
/// value of the right type and range. Errors name the scenario and the key.
///
/// Typical use: read each key with a default, then call `finish()`, which
/// rejects any key that was not read.
public struct ScenarioReader {
  private let pairs: [(String, JSONValue)]
  private let label: String
  private var used: Set<String> = []

  /// - Parameters:
  ///   - value: the scenario object.
  ///   - label: how errors name it, such as `scenario 2`.
  public init(_ value: JSONValue, label: String) throws {
    guard case .object(let pairs) = value else {
      throw InputError("\(label): a scenario must be a JSON object")
    }
    self.pairs = pairs
    self.label = label
  }

  private mutating func raw(_ key: String) -> JSONValue? {
    used.insert(key)
    return pairs.first { $0.0 == key }?.1
  }

  /// A finite number, or `fallback` when the key is absent.
  public mutating func number(_ key: String, default fallback: Double)
    throws -> Double
  {
    guard let value = raw(key) else { return fallback }
    switch value {
    case .number(let x) where x.isFinite: return x
    case .integer(let i): return Double(i)
    default: throw InputError("\(label): '\(key)' must be a number")
    }
  }

  /// An integer (a JSON number with no fractional part).
  public mutating func integer(_ key: String, default fallback: Int)
    throws -> Int
  {
    guard let value = raw(key) else { return fallback }
    switch value {
    case .integer(let i): return i
    case .number(let x) where x == x.rounded() && abs(x) < 1e15: return Int(x)
    case .number(let x):
      throw InputError("\(label): '\(key)' must be an integer, got \(x)")
    default: throw InputError("\(label): '\(key)' must be an integer")
    }
  }

  /// A string from `allowed`.
  public mutating func choice(
    _ key: String, from allowed: [String], default fallback: String
  ) throws -> String {
    guard let value = raw(key) else { return fallback }
    guard case .string(let s) = value, allowed.contains(s) else {
      let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
      throw InputError("\(label): '\(key)' must be one of \(list)")
    }
    return s
  }

  /// Any string.
  public mutating func string(_ key: String, default fallback: String)
    throws -> String
  {
    guard let value = raw(key) else { return fallback }
    guard case .string(let s) = value else {
      throw InputError("\(label): '\(key)' must be a string")
    }
    return s
  }

  /// The raw JSON value of a key (an object or a list to read further), or
  /// nil when absent.
  public mutating func value(_ key: String) -> JSONValue? { raw(key) }

  /// Rejects keys that were never read.
  public func finish() throws {
    if let unknown = pairs.first(where: { !used.contains($0.0) }) {
      throw InputError("\(label): unknown key '\(unknown.0)'")
    }
  }

  /// An `InputError` about this scenario.
  public func error(_ message: String) -> InputError {
    InputError("\(label): \(message)")
  }
}
