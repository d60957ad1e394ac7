// The GSL headers CollapseCheck uses. Only the Swift module `GSL` imports
// this; everything else goes through its wrappers.
#ifndef COLLAPSECHECK_CGSL_SHIM_H
#define COLLAPSECHECK_CGSL_SHIM_H

// Let the generator calls inline into the sampling loops.
#define HAVE_INLINE 1

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_statistics_double.h>

#endif
