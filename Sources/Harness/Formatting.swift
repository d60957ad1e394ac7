import Foundation

/// Short human-readable numbers for tables: six significant digits.
public func short(_ x: Double) -> String {
  if x.isNaN { return "undefined" }
  if x.isInfinite { return x > 0 ? "∞" : "−∞" }
  return String(format: "%.6g", x)
}

/// One quantity as `value ± stderr [ciLow, ciHigh] (exact …)`.
func describe(_ q: Quantity, rules: VerdictRules) -> String {
  if let reason = q.reason { return reason }
  var parts: [String] = []
  if let value = q.value {
    if let se = q.standardError {
      let ci = rules.interval(.init(value: value, standardError: se, samples: 0))
      parts.append("\(short(value)) ± \(short(se)) "
        + "[\(short(ci.lowerBound)), \(short(ci.upperBound))]")
    } else {
      parts.append(short(value))
    }
  }
  if let exact = q.exact { parts.append("exact \(short(exact))") }
  return parts.joined(separator: ", ")
}
