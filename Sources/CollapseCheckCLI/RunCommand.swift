import Foundation
import GSL
import Harness

/// `collapse-check run`: validates everything, runs, prints, writes.
/// Bad input is detected before any computing and nothing is written.
func runCommand(_ options: RunOptions) throws -> Int32 {
  let theorems = try selectedTheorems(options.theoremIDs)
  if options.printScenario {
    guard theorems.count == 1 else {
      throw InputError("--print-scenario takes exactly one theorem")
    }
    print(JSONValue.array(theorems[0].defaultScenarios()).serialized(), terminator: "")
    return 0
  }
  let plan = try theorems.map { ($0, try scenarios(for: $0, options)) }
  let writer = options.out.map { ReportWriter(folder: URL(fileURLWithPath: $0)) }
  try writer?.ensureWritable()

  let request = RunRequest(theorems: plan, seed: options.seed,
    threads: options.threads, profile: options.profile, maxDoublings: options.doublings)
  let started = Date()
  let result = try execute(request, progress: Progress.report)
  Progress.report("done in \(short(Date().timeIntervalSince(started))) s")

  let reports = theorems.map { theoremReport($0, result: result) }
  if options.json {
    let document = reports.count == 1 ? reports[0] : .array(reports)
    print(document.serialized(), terminator: "")
  } else {
    print(Summary.verdictTable(result), terminator: "")
  }
  if let writer {
    try writer.write(resultFiles(theorems, reports, result))
  }
  return result.failed ? 1 : 0
}

/// The theorems named on the command line; `all` (or none) means every one.
func selectedTheorems(_ ids: [String]) throws -> [AnyTheorem] {
  if ids.isEmpty || ids == ["all"] { return registry }
  var seen = Set<String>()
  return try ids.compactMap { id in
    seen.insert(id).inserted ? try theorem(named: id) : nil
  }
}

/// The scenarios of one theorem: from `--scenario` or the defaults.
func scenarios(for theorem: AnyTheorem, _ options: RunOptions) throws -> [JSONValue] {
  guard let path = options.scenarioFile else { return theorem.defaultScenarios() }
  guard options.theoremIDs.count == 1, options.theoremIDs != ["all"] else {
    throw InputError("--scenario takes exactly one theorem")
  }
  guard let data = FileManager.default.contents(atPath: path) else {
    throw InputError("cannot read scenario file '\(path)'")
  }
  let list = try theorem.scenarios(
    fromFile: try JSONValue.parse(data, source: path), source: path)
  var names = Set<String>()
  for scenario in list {
    guard case .string(let name)? = scenario["name"] else { continue }
    guard names.insert(name).inserted else {
      throw InputError("\(path): two scenarios are named '\(name)'")
    }
  }
  return list
}

/// Reports, CSV, figures and REPORT.md, as (file name, content).
func resultFiles(_ theorems: [AnyTheorem], _ reports: [JSONValue],
  _ result: RunResult) -> [(String, Data)]
{
  var files: [(String, Data)] = []
  var figureFiles: [String: [String]] = [:]
  let gnuplot = Gnuplot.executable
  if gnuplot == nil {
    printError("collapse-check: gnuplot not found: figures skipped")
  }
  for (theorem, report) in zip(theorems, reports) {
    files.append(("\(theorem.id).json", Data(report.serialized().utf8)))
    files.append(("\(theorem.id).csv",
      Data(Summary.seriesCSV(theorem.id, result).utf8)))
    guard let gnuplot else { continue }
    let judged = result.scenarios.filter { $0.theoremID == theorem.id }
    for figure in theorem.figures(judged, result.rules) {
      let name = "\(theorem.id)-\(figure.name).svg"
      guard let svg = Gnuplot.render(figure, with: gnuplot) else {
        printError("collapse-check: gnuplot failed on \(name): skipped")
        continue
      }
      files.append((name, svg))
      figureFiles[theorem.id, default: []].append(name)
    }
  }
  let markdown = Summary.markdown(result, theorems: theorems, figures: figureFiles)
  files.append(("REPORT.md", Data(markdown.utf8)))
  return files
}

/// Progress lines on stderr, only when stderr is a terminal.
enum Progress {
  static let enabled = isatty(STDERR_FILENO) == 1
  static func report(_ line: String) {
    if enabled { printError("… \(line)") }
  }
}
