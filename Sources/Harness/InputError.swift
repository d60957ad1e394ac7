/// Bad input from the user: an invalid parameter, an unreadable or malformed
/// scenario file, an impossible configuration. The command line prints the
/// message on one line and exits with status 2, writing no result files.
public struct InputError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
