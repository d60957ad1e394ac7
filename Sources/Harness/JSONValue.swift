import Foundation

/// A JSON document with ordered object keys, so reports serialise the same
/// way byte for byte on every run.
public indirect enum JSONValue: Equatable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    a.serialized() == b.serialized()
  }

  /// The value of `key` in an object, or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// A number, for finite doubles; non-finite values become `null` (reports
  /// state infinities in words instead, see `Quantity`).
  public static func finite(_ x: Double) -> JSONValue {
    x.isFinite ? .number(x) : .null
  }

  /// Pretty-printed JSON with two-space indentation and a final newline.
  public func serialized() -> String {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return out
  }

  private func write(to out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let x): out += JSONValue.format(x)
    case .string(let s): out += JSONValue.quote(s)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      if items.allSatisfy(\.isScalar) {
        out += "[" + items.map { $0.serialized().dropLast() }.joined(separator: ", ") + "]"
        return
      }
      out += "[\n"
      for (k, item) in items.enumerated() {
        out += pad
        item.write(to: &out, indent: indent + 1)
        out += k + 1 < items.count ? ",\n" : "\n"
      }
      out += closePad + "]"
    case .object(let pairs):
      if pairs.isEmpty { out += "{}"; return }
      out += "{\n"
      for (k, (key, value)) in pairs.enumerated() {
        out += pad + JSONValue.quote(key) + ": "
        value.write(to: &out, indent: indent + 1)
        out += k + 1 < pairs.count ? ",\n" : "\n"
      }
      out += closePad + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// Shortest round-trip decimal form of a finite double.
  static func format(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

extension JSONValue {
  /// Parses JSON text (via `JSONSerialization`); throws `InputError` naming
  /// `source` when the text is malformed.
  public static func parse(_ data: Data, source: String) throws -> JSONValue {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(
        with: data, options: [.fragmentsAllowed])
    } catch {
      throw InputError("\(source): malformed JSON")
    }
    return from(object)
  }

  private static func from(_ any: Any) -> JSONValue {
    switch any {
    case is NSNull: return .null
    case let s as String: return .string(s)
    case let n as NSNumber:
      if String(describing: type(of: n)).contains("Boolean") {
        return .bool(n.boolValue)
      }
      return .number(n.doubleValue)
    case let a as [Any]: return .array(a.map(from))
    case let d as [String: Any]:
      return .object(d.keys.sorted().map { ($0, from(d[$0]!)) })
    default: return .null
    }
  }
}
