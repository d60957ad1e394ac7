import Foundation

/// Writes a run's results into an output folder, all or nothing.
///
/// Every file is first written into a staging folder inside the output
/// folder; only when all of them exist are they renamed into place, one
/// `rename(2)` each, so a reader never sees a half-written file and a
/// failed run replaces nothing.
public struct ReportWriter {
  public let folder: URL

  public init(folder: URL) { self.folder = folder }

  /// Checks that the output folder exists or can be created, and is
  /// writable; throws `InputError` otherwise. Call before any computing.
  public func ensureWritable() throws {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw InputError("output folder '\(folder.path)' is not a folder")
      }
    } else {
      do {
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw InputError("output folder '\(folder.path)' cannot be created")
      }
    }
    guard manager.isWritableFile(atPath: folder.path) else {
      throw InputError("output folder '\(folder.path)' is not writable")
    }
  }

  /// Writes `files` (name → content) atomically as a set.
  public func write(_ files: [(String, Data)]) throws {
    let manager = FileManager.default
    let staging = folder.appendingPathComponent(
      ".staging-\(ProcessInfo.processInfo.processIdentifier)")
    try? manager.removeItem(at: staging)
    try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    defer { try? manager.removeItem(at: staging) }
    for (name, content) in files {
      try content.write(to: staging.appendingPathComponent(name))
    }
    for (name, _) in files {
      let from = staging.appendingPathComponent(name).path
      let to = folder.appendingPathComponent(name).path
      guard rename(from, to) == 0 else {
        throw InputError("cannot move '\(name)' into '\(folder.path)'")
      }
    }
  }
}
