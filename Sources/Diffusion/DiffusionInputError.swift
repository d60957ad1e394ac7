/// Invalid input to the diffusion engine: a malformed mixture, an impossible
/// time grid, a parameter outside its range. Thrown before any work starts,
/// so a caller never receives a number computed from bad input.
public struct DiffusionInputError: Error, CustomStringConvertible, Equatable {
  /// One line saying what is wrong and what was expected.
  public let message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Throws a `DiffusionInputError` with `message` unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
  if !condition { throw DiffusionInputError(message()) }
}
