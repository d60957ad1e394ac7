import GaussianVarianceGrowth
import GirsanovObservability
import TwoSidedChiSquare
import Harness

/// Every theorem the command knows, in report order.
let registry: [AnyTheorem] = [
  AnyTheorem(GaussianVarianceGrowth()),
  AnyTheorem(GirsanovObservability()),
  AnyTheorem(TwoSidedChiSquare()),
]

/// The theorem with this id, or an `InputError` listing the known ones.
func theorem(named id: String) throws -> AnyTheorem {
  guard let found = registry.first(where: { $0.id == id }) else {
    let known = registry.map(\.id).joined(separator: ", ")
    throw InputError("unknown theorem '\(id)' (known: \(known))")
  }
  return found
}
