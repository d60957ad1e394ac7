import Foundation

extension BenchmarkReport {
  /// The report as pretty-printed JSON with sorted keys, for machines:
  /// the workload, every repeat's time, and both engines' means.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}

/// The report as a table for people: one row per engine and thread count
/// with path-steps per second and the share of its cores the run got
/// (`Measurement.coreShare`), then the Swift/C ratio and the speed-ups
/// against their targets, and the agreement of the two engines.
public func describe(_ report: BenchmarkReport) -> String {
  let w = report.workload
  let repeats = report.measurements.first?.seconds.count ?? 0
  let header = [
    "benchmark \(w.name): d = \(BenchmarkWorkload.dimension), 5 components, "
      + "\(w.paths) paths × \(w.steps) steps, blocks of \(w.blockSize), seed \(w.seed)",
    "rates from the best of \(repeats) repeats (monotonic wall clock)",
    "",
  ]
  let agreement =
    "Swift vs C means (E M, E⟨M⟩, ε̂², endpoints): largest relative gap "
    + scientific(report.largestRelativeGap)
  return (header + table(report) + [""] + ratios(report) + [agreement])
    .joined(separator: "\n")
}

/// One row per measurement.
private func table(_ report: BenchmarkReport) -> [String] {
  let head = pad("engine", 8) + pad("threads", 9) + pad("best s", 10) + pad("median s", 10)
    + pad("path-steps/s", 14) + "core share"
  return [head] + report.measurements.map { m in
    pad(name(m.engine), 8) + pad("\(m.threads)", 9) + pad(fixed(m.bestSeconds), 10)
      + pad(fixed(m.medianSeconds), 10)
      + pad(scientific(report.workload.pathSteps / m.bestSeconds), 14) + fixed(m.coreShare)
  }
}

/// Swift/C per thread count and the speed-ups over one thread, with the
/// targets of the one-core ratio and the Swift speed-up.
private func ratios(_ report: BenchmarkReport) -> [String] {
  var lines: [String] = []
  for m in report.measurements where m.engine == .swift {
    guard let ratio = report.swiftOverC(threads: m.threads) else { continue }
    let target = BenchmarkReport.swiftOverCTarget
    let mark = m.threads == 1 ? verdict(ratio <= target, "≤ \(target)") : ""
    lines.append("Swift/C time on \(m.threads) thread(s): \(fixed(ratio))\(mark)")
  }
  for m in report.measurements where m.threads > 1 {
    guard let speedUp = report.speedUp(m.engine, threads: m.threads) else { continue }
    let target = BenchmarkReport.speedUpTarget
    let mark = m.engine == .swift ? verdict(speedUp >= target, "≥ \(target)") : ""
    lines.append("\(name(m.engine)) speed-up on \(m.threads) threads: \(fixed(speedUp))\(mark)")
  }
  return lines
}

private func name(_ engine: BenchmarkReport.Engine) -> String {
  engine == .swift ? "Swift" : "C"
}

private func verdict(_ met: Bool, _ target: String) -> String {
  "  (target \(target): \(met ? "met" : "missed"))"
}

private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

private func scientific(_ value: Double) -> String { String(format: "%.3e", value) }
