import Benchmark
import Foundation
import Harness

/// `collapse-check bench`: reverse-SDE throughput against the C baseline,
/// on 1 and 2 threads, and the wall time of a theorem's default run.
func benchCommand(_ words: ArraySlice<String>) throws -> Int32 {
  var paths = 20_000, steps = 1_000, repeats = 3
  var json = false, theoremID: String? = "girsanov-observability"
  var rest = words
  while let word = rest.popFirst() {
    func count() throws -> Int {
      guard let v = rest.popFirst(), let n = Int(v), n >= 1 else {
        throw InputError("\(word) needs a positive integer")
      }
      return n
    }
    switch word {
    case "--paths": paths = try count()
    case "--steps": steps = try count()
    case "--repeats": repeats = try count()
    case "--json": json = true
    case "--skip-theorem": theoremID = nil
    case "--help", "-h": print(Help.bench); return 0
    default: throw InputError("unknown bench option '\(word)' (see collapse-check bench --help)")
    }
  }

  let report: BenchmarkReport
  do {
    report = try runBenchmark(paths: paths, steps: steps, repeats: repeats,
      progress: Progress.report)
  } catch let error as BenchmarkError {
    throw InputError(error.message)
  }
  var theoremSeconds: Double?
  if let id = theoremID {
    let theorem = try theorem(named: id)
    Progress.report("timing the default run of \(id)")
    let started = DispatchTime.now()
    _ = try execute(RunRequest(theorems: [(theorem, theorem.defaultScenarios())],
      seed: 20_261_203, threads: 2, profile: .quick))
    theoremSeconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds)
      / 1e9
  }
  if json {
    print(try report.json())
  } else {
    let table = describe(report)
    print(table.hasSuffix("\n") ? String(table.dropLast()) : table)
    if let seconds = theoremSeconds, let id = theoremID {
      print("default run of \(id) on 2 threads: \(short(seconds)) s")
    }
  }
  return 0
}
