import Foundation
import Harness
import MonteCarlo

/// `collapse-check explain <id>`: the proof's steps with live numbers.
func explainCommand(_ words: ArraySlice<String>) throws -> Int32 {
  let options = try RunOptions(words)
  if options.help { print(Help.explain); return 0 }
  guard options.theoremIDs.count == 1 else {
    throw InputError("explain takes exactly one theorem id")
  }
  let theorem = try theorem(named: options.theoremIDs[0])
  let context = CheckContext(
    runner: BlockRunner(seed: options.seed, threads: options.threads),
    profile: .quick, stage: 0, streamBase: 0)
  print(try theorem.explain(context))
  return 0
}
