// The score of the smoothed mixture U_t(q) at one time t at a time: the
// C twin of `SmoothedScore` and `MixtureKernel.score`, operation for
// operation, so both languages round identically. Internal to the
// baseline.

#ifndef COLLAPSECHECK_BASELINE_SMOOTHED_SCORE_H
#define COLLAPSECHECK_BASELINE_SMOOTHED_SCORE_H

#include <math.h>

/// The parameters of U_t(q) for the prepared t, in caller-owned arrays.
typedef struct {
  int dimension;
  int components;
  /// μₖ and vₖ at time 0, and log wₖ.
  const double *base_means;
  const double *base_variances;
  const double *log_weights;
  /// e^{−t/2} μₖ (k · d values), 1/vₖ(t) and
  /// log wₖ − (d/2) log(2π vₖ(t)) (k values each).
  double *means;
  double *precisions;
  double *log_normalizers;
} smoothed_score;

/// Loads the parameters of U_t(q), vₖ(t) = vₖ e^{−t} + 1 − e^{−t}.
/// Cost: O(k d) and k logarithms.
void smoothed_score_prepare(smoothed_score *s, double t);

// Swift does not contract a * b + c into a fused multiply-add; neither
// may we, or the two loops would round differently.
#pragma STDC FP_CONTRACT OFF

/// ℓ(x) = log normalizer − ‖x − μ‖² · precision / 2.
static inline double log_term(
    const double *x, int d, const double *mean, double precision,
    double log_normalizer) {
  double distance2 = 0.0;
  for (int i = 0; i < d; i++) {
    const double delta = x[i] - mean[i];
    distance2 += delta * delta;
  }
  return log_normalizer - 0.5 * precision * distance2;
}

/// ∇ log U_t(q) at x into `out` (d values), by the one-pass log-sum-exp
/// over the components, as `MixtureKernel.score`. Cost: O(k d) and at most
/// k exponentials. Inline here, so the path loop can inline it as the
/// Swift compiler inlines its twin.
static inline void smoothed_score_evaluate(
    const smoothed_score *s, const double *x, double *out) {
  const int d = s->dimension, k = s->components;
  if (k == 1) {
    const double p = s->precisions[0];
    for (int i = 0; i < d; i++) out[i] = (s->means[i] - x[i]) * p;
    return;
  }

  for (int i = 0; i < d; i++) out[i] = 0;
  double top = -INFINITY, sum = 0.0, precision_sum = 0.0;
  for (int c = 0; c < k; c++) {
    const double *mean = s->means + c * d;
    const double l =
        log_term(x, d, mean, s->precisions[c], s->log_normalizers[c]);
    double rho = 1.0;
    if (l > top) {
      const double shrink = exp(top - l);
      sum *= shrink;
      precision_sum *= shrink;
      for (int i = 0; i < d; i++) out[i] *= shrink;
      top = l;
    } else {
      rho = exp(l - top);
    }
    const double rho_precision = rho * s->precisions[c];
    sum += rho;
    precision_sum += rho_precision;
    for (int i = 0; i < d; i++) out[i] += rho_precision * mean[i];
  }

  const double inverse = 1 / sum;
  for (int i = 0; i < d; i++) {
    out[i] = (out[i] - precision_sum * x[i]) * inverse;
  }
}

#endif
