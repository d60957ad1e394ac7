import CGSL

extension LinearAlgebra {
  /// Eigenvalues and unit eigenvectors of a real symmetric matrix, sorted by
  /// decreasing eigenvalue (`gsl_eigen_symmv`, `gsl_eigen_symmv_sort`).
  /// `vectors[k]` belongs to `values[k]`. Cost: O(n³).
  public static func symmetricEigen(_ a: [[Double]]) throws
    -> (values: [Double], vectors: [[Double]])
  {
    installErrorHandlerOff()
    let n = a.count
    precondition(n > 0 && a.allSatisfy { $0.count == n })
    let matrix = gsl_matrix_alloc(n, n)!
    defer { gsl_matrix_free(matrix) }
    for i in 0..<n { for j in 0..<n { gsl_matrix_set(matrix, i, j, a[i][j]) } }
    let values = gsl_vector_alloc(n)!
    defer { gsl_vector_free(values) }
    let vectors = gsl_matrix_alloc(n, n)!
    defer { gsl_matrix_free(vectors) }
    let work = gsl_eigen_symmv_alloc(n)!
    defer { gsl_eigen_symmv_free(work) }

    try check(gsl_eigen_symmv(matrix, values, vectors, work), "gsl_eigen_symmv")
    try check(
      gsl_eigen_symmv_sort(values, vectors, GSL_EIGEN_SORT_VAL_DESC),
      "gsl_eigen_symmv_sort")
    return ((0..<n).map { gsl_vector_get(values, $0) },
      (0..<n).map { k in (0..<n).map { gsl_matrix_get(vectors, $0, k) } })
  }
}
