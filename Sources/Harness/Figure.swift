/// A figure drawn by gnuplot: a script with its data inline, rendered to
/// SVG as `results/<theorem>-<name>.svg`.
public struct Figure {
  public let name: String
  /// Blocks of whitespace-separated numbers, referenced as `$name` in the
  /// script (gnuplot ≥ 5 inline data blocks).
  public let data: [(String, [[Double]])]
  /// gnuplot commands after the terminal is set, such as `plot $d u 1:2`.
  public let script: String

  public init(name: String, data: [(String, [[Double]])], script: String) {
    self.name = name
    self.data = data
    self.script = script
  }

  /// The full gnuplot program that writes SVG to standard output.
  public var program: String {
    var text = "set terminal svg size 800,500 dynamic enhanced font 'sans,12'\n"
    text += "set output\n"
    for (block, rows) in data {
      text += "$\(block) << EOD\n"
      for row in rows {
        text += row.map { $0.isFinite ? "\($0)" : "NaN" }.joined(separator: " ")
        text += "\n"
      }
      text += "EOD\n"
    }
    return text + script + "\n"
  }
}
