import Foundation
import Harness

/// The parsed command line of `collapse-check run` (and of the bare
/// command, which is `run` on every theorem writing to `results/`).
struct RunOptions {
  var theoremIDs: [String] = []
  var scenarioFile: String?
  var profile = Profile.quick
  var seed: UInt64 = 20_261_203
  var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
  var json = false
  var out: String?
  var printScenario = false
  var help = false
  var doublings: Int?

  /// Parses the words after `run`.
  init(_ words: ArraySlice<String>) throws {
    var rest = words
    while let word = rest.popFirst() {
      func value() throws -> String {
        guard let v = rest.popFirst(), !v.hasPrefix("--") else {
          throw InputError("option \(word) needs a value")
        }
        return v
      }
      switch word {
      case "--scenario": scenarioFile = try value()
      case "--profile":
        let v = try value()
        guard let p = Profile(rawValue: v) else {
          throw InputError("--profile must be 'quick' or 'full', got '\(v)'")
        }
        profile = p
      case "--seed":
        let v = try value()
        guard let s = UInt64(v) else {
          throw InputError("--seed must be a non-negative integer, got '\(v)'")
        }
        seed = s
      case "--threads":
        let v = try value()
        guard let t = Int(v), (1...256).contains(t) else {
          throw InputError("--threads must be an integer from 1 to 256, got '\(v)'")
        }
        threads = t
      case "--doublings":
        let v = try value()
        guard let n = Int(v), (0...6).contains(n) else {
          throw InputError("--doublings must be an integer from 0 to 6, got '\(v)'")
        }
        doublings = n
      case "--json": json = true
      case "--out": out = try value()
      case "--print-scenario": printScenario = true
      case "--help", "-h": help = true
      case _ where word.hasPrefix("-"):
        throw InputError("unknown option '\(word)' (see collapse-check run --help)")
      default: theoremIDs.append(word)
      }
    }
  }
}
