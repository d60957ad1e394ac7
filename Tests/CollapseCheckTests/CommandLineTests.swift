import Foundation
import Testing

/// The `collapse-check` executable end to end: exit statuses, one-line
/// errors, nothing written on bad input, and a small successful run.
@Suite(.serialized) struct CommandLineTests {
  /// The executable built next to the tests (`swift test` builds it).
  static let executable: URL = {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    if let path = ProcessInfo.processInfo.environment["COLLAPSE_CHECK_BIN"] {
      return URL(fileURLWithPath: path)
    }
    return root.appendingPathComponent(".build/debug/collapse-check")
  }()

  struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = CommandLineTests.executable
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus,
      stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("collapse-check-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A small valid scenario with one key replaced.
  func scenario(_ key: String, _ value: String) -> String {
    var fields = [
      "name": "\"small\"", "samplesPerGeneration": "20", "generations": "4",
      "chains": "500",
    ]
    fields[key] = value
    return "{" + fields.sorted { $0.key < $1.key }
      .map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
  }

  static let badScenarios: [(String, String, String)] = [
    ("variance", "-1", "'variance' must be positive"),
    ("variance", "0", "'variance' must be positive"),
    ("samplesPerGeneration", "1", "'samplesPerGeneration' must be at least 2"),
    ("generations", "0", "'generations' must be at least 1"),
    ("freshFraction", "1.5", "'freshFraction'"),
    ("chains", "2.5", "'chains' must be an integer"),
    ("estimator", "\"median\"", "'estimator' must be one of"),
    ("scheme", "\"resample\"", "'scheme' must be one of"),
    ("colour", "\"blue\"", "unknown key 'colour'"),
  ]

  @Test(arguments: 0..<badScenarios.count)
  func badScenarioIsOneLineExitTwoAndWritesNothing(index: Int) throws {
    let (key, value, message) = CommandLineTests.badScenarios[index]
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("bad.json")
    try scenario(key, value).write(to: file, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let sentinel = out.appendingPathComponent("REPORT.md")
    try "previous report".write(to: sentinel, atomically: true, encoding: .utf8)

    let result = try run(["run", "gaussian-variance-growth", "--scenario", file.path,
      "--out", out.path])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["REPORT.md"])
    #expect(try String(contentsOf: sentinel, encoding: .utf8) == "previous report")
  }

  @Test func malformedAndMissingFilesAreBadInput() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("broken.json")
    try "{\"variance\": ".write(to: file, atomically: true, encoding: .utf8)
    let malformed = try run(["run", "gaussian-variance-growth", "--scenario", file.path])
    #expect(malformed.status == 2)
    #expect(malformed.stderr.contains("malformed JSON"))
    let missing = try run(["run", "gaussian-variance-growth", "--scenario",
      folder.appendingPathComponent("absent.json").path])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read scenario file"))
    let empty = folder.appendingPathComponent("empty.json")
    try "[]".write(to: empty, atomically: true, encoding: .utf8)
    #expect(try run(["run", "gaussian-variance-growth", "--scenario", empty.path])
      .status == 2)
  }

  @Test func badOptionsAreBadInput() throws {
    for arguments in [["run", "no-such-theorem"], ["run", "--seed", "-3"],
      ["run", "--threads", "0"], ["run", "--profile", "slow"], ["frobnicate"],
      ["run", "--bogus"]]
    {
      let result = try run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
  }

  @Test func unwritableOutputFolderIsBadInputBeforeAnyWork() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("plain-file")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let result = try run(["run", "gaussian-variance-growth",
      "--out", file.appendingPathComponent("results").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("output folder"))
  }

  /// A small run writes every file, prints the table, and reads back its
  /// own printed scenario.
  @Test func smallRunWritesReportsAndRoundTripsItsScenario() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("small.json")
    try scenario("chains", "4000").write(to: file, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out")
    let result = try run(["run", "gaussian-variance-growth", "--scenario", file.path,
      "--out", out.path, "--threads", "2"])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("PASS"))
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
    #expect(files.isSuperset(of: ["gaussian-variance-growth.json",
      "gaussian-variance-growth.csv", "REPORT.md"]))
    #expect(!files.contains { $0.hasPrefix(".staging") })

    let printed = try run(["run", "gaussian-variance-growth", "--print-scenario"])
    #expect(printed.status == 0)
    let defaults = folder.appendingPathComponent("defaults.json")
    try printed.stdout.write(to: defaults, atomically: true, encoding: .utf8)
    let reread = try run(["run", "gaussian-variance-growth", "--scenario",
      defaults.path, "--print-scenario"])
    #expect(reread.status == 0)
  }
}
