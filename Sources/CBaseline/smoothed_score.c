// Loading the smoothed mixture parameters for one time step, as the Swift
// `SmoothedScore.prepare` does.

#include <math.h>

#include "smoothed_score.h"

// Swift does not contract a * b + c into a fused multiply-add; neither
// may we, or the two loops would round differently.
#pragma STDC FP_CONTRACT OFF

void smoothed_score_prepare(smoothed_score *s, double t) {
  const int d = s->dimension, k = s->components;
  const double scale = exp(-0.5 * t), decay = exp(-t), spread = -expm1(-t);
  for (int j = 0; j < k * d; j++) s->means[j] = scale * s->base_means[j];

  const double half_d = 0.5 * (double)d;
  for (int c = 0; c < k; c++) {
    const double v = s->base_variances[c] * decay + spread;
    s->precisions[c] = 1 / v;
    s->log_normalizers[c] = s->log_weights[c] - half_d * log(2 * M_PI * v);
  }
}
