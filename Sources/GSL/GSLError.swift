import CGSL

/// A failure reported by a GSL routine, with the routine's name and GSL's
/// own description of the status code.
///
/// GSL's default error handler aborts the process. CollapseCheck switches it
/// off once (see `installErrorHandlerOff`) and turns every non-zero status
/// into this error instead.
public struct GSLError: Error, CustomStringConvertible, Equatable {
  /// The GSL status code (`GSL_EMAXITER`, `GSL_EROUND`, ...).
  public let status: Int32
  /// The GSL routine that reported it, such as `gsl_integration_qags`.
  public let routine: String

  public var description: String {
    let reason = String(cString: gsl_strerror(status))
    return "\(routine) failed: \(reason) (GSL status \(status))"
  }
}

/// Switches GSL's aborting error handler off; runs once per process.
private let errorHandlerOff: Void = {
  _ = gsl_set_error_handler_off()
}()

/// Makes sure GSL reports errors by status code rather than aborting.
/// Every wrapper that can fail calls this first.
@inline(__always)
func installErrorHandlerOff() { errorHandlerOff }

/// Throws a `GSLError` for a non-zero GSL status.
@inline(__always)
func check(_ status: Int32, _ routine: String) throws {
  if status != Int32(GSL_SUCCESS) { throw GSLError(status: status, routine: routine) }
}

/// The version of the GSL library linked in, as `major.minor`.
public var gslVersion: String { String(cString: gsl_version) }
