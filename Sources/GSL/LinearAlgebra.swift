import CGSL

/// Linear solves and least squares with GSL (`gsl_linalg`, `gsl_multifit`).
/// Matrices are row-major `[[Double]]`: small problems only.
public enum LinearAlgebra {
  /// Solves A x = b by LU decomposition with partial pivoting
  /// (`gsl_linalg_LU_decomp`, `gsl_linalg_LU_solve`).
  /// - Throws: `GSLError` when A is singular.
  public static func solve(_ a: [[Double]], _ b: [Double]) throws -> [Double] {
    installErrorHandlerOff()
    let n = b.count
    precondition(a.count == n && a.allSatisfy { $0.count == n })
    let matrix = makeMatrix(a)
    defer { gsl_matrix_free(matrix) }
    let rhs = makeVector(b)
    defer { gsl_vector_free(rhs) }
    let x = gsl_vector_alloc(n)!
    defer { gsl_vector_free(x) }
    let permutation = gsl_permutation_alloc(n)!
    defer { gsl_permutation_free(permutation) }

    var sign: Int32 = 0
    try check(
      gsl_linalg_LU_decomp(matrix, permutation, &sign), "gsl_linalg_LU_decomp")
    try check(
      gsl_linalg_LU_solve(matrix, permutation, rhs, x), "gsl_linalg_LU_solve")
    return (0..<n).map { gsl_vector_get(x, $0) }
  }

  /// An ordinary least-squares fit y ≈ X c (`gsl_multifit_linear`).
  public struct LeastSquaresFit {
    /// The coefficients c.
    public let coefficients: [Double]
    /// Their covariance matrix, σ̂² (XᵀX)⁻¹.
    public let covariance: [[Double]]
    /// The residual sum of squares ‖y − X c‖².
    public let residualSumOfSquares: Double
  }

  /// Fits `y ≈ design · c` by least squares (`gsl_multifit_linear`, which
  /// uses a singular value decomposition). `design` has one row per
  /// observation and one column per feature; needs rows > columns.
  public static func leastSquares(design: [[Double]], response: [Double])
    throws -> LeastSquaresFit
  {
    installErrorHandlerOff()
    let rows = response.count
    let columns = design.first?.count ?? 0
    precondition(design.count == rows && rows > columns && columns > 0)
    let x = makeMatrix(design)
    defer { gsl_matrix_free(x) }
    let y = makeVector(response)
    defer { gsl_vector_free(y) }
    let c = gsl_vector_alloc(columns)!
    defer { gsl_vector_free(c) }
    let cov = gsl_matrix_alloc(columns, columns)!
    defer { gsl_matrix_free(cov) }
    let work = gsl_multifit_linear_alloc(rows, columns)!
    defer { gsl_multifit_linear_free(work) }

    var chiSquare = 0.0
    try check(
      gsl_multifit_linear(x, y, c, cov, &chiSquare, work),
      "gsl_multifit_linear")
    return LeastSquaresFit(
      coefficients: (0..<columns).map { gsl_vector_get(c, $0) },
      covariance: (0..<columns).map { i in
        (0..<columns).map { gsl_matrix_get(cov, i, $0) }
      },
      residualSumOfSquares: chiSquare)
  }

  private static func makeMatrix(_ rows: [[Double]])
    -> UnsafeMutablePointer<gsl_matrix>
  {
    let matrix = gsl_matrix_alloc(rows.count, rows[0].count)!
    for (i, row) in rows.enumerated() {
      for (j, value) in row.enumerated() { gsl_matrix_set(matrix, i, j, value) }
    }
    return matrix
  }

  private static func makeVector(_ values: [Double])
    -> UnsafeMutablePointer<gsl_vector>
  {
    let vector = gsl_vector_alloc(values.count)!
    for (i, value) in values.enumerated() { gsl_vector_set(vector, i, value) }
    return vector
  }
}
