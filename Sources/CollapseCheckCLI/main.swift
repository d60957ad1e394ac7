import Foundation
import GSL
import Harness

/// Entry point: dispatches to a command and maps errors to exit statuses
/// (2 for bad input, 3 for a numerical library failure).
func main() -> Int32 {
  let words = Array(CommandLine.arguments.dropFirst())
  do {
    switch words.first {
    case nil: return try runCommand(defaultRun())
    case "--help", "-h", "help": print(Help.main); return 0
    case "list":
      if words.contains("--help") { print(Help.list); return 0 }
      guard words.count == 1 else { throw InputError("list takes no arguments") }
      for theorem in registry { print("\(theorem.id)\t\(theorem.title)") }
      return 0
    case "run":
      let options = try RunOptions(words.dropFirst())
      if options.help { print(Help.run); return 0 }
      return try runCommand(options)
    case "explain":
      return try explainCommand(words.dropFirst())
    case "bench":
      return try benchCommand(words.dropFirst())
    case let word?:
      throw InputError("unknown command '\(word)' (see collapse-check --help)")
    }
  } catch let error as InputError {
    printError("collapse-check: \(error.message)")
    return 2
  } catch let error as GSLError {
    printError("collapse-check: numerical failure: \(error)")
    return 3
  } catch {
    printError("collapse-check: \(error)")
    return 2
  }
}

/// The bare command: every theorem, default scenarios, into `results/`.
func defaultRun() throws -> RunOptions {
  var options = try RunOptions([])
  options.theoremIDs = ["all"]
  options.out = "results"
  return options
}

func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

exit(main())
