import Foundation

/// Renders figures with the `gnuplot` program found on the PATH.
public enum Gnuplot {
  /// The gnuplot executable, or nil when it is not installed.
  public static var executable: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder))
        .appendingPathComponent("gnuplot")
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
      }
    }
    return nil
  }

  /// The SVG text of a figure, or nil if gnuplot failed.
  public static func render(_ figure: Figure, with gnuplot: URL) -> Data? {
    let process = Process()
    process.executableURL = gnuplot
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    input.fileHandleForWriting.write(Data(figure.program.utf8))
    try? input.fileHandleForWriting.close()
    let svg = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 && !svg.isEmpty ? svg : nil
  }
}
