// One block of reverse paths: the C twin of the d ≥ 2 branch of
// `ReverseDiffusion.simulateBlock` with an exact start and the error
// e(x, t) = λ a (u·x) u. Every floating-point operation is written in the
// order the Swift loop performs it.

#define HAVE_INLINE 1

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "baseline.h"
#include "smoothed_score.h"

#pragma STDC FP_CONTRACT OFF

/// The block's raw memory, one allocation per array as in the Swift
/// `PathBuffers`; nothing is allocated inside the step loop.
typedef struct {
  double *ideal, *learned;           // paths · d
  double *martingale, *quadratic_variation, *learned_energy;  // paths
  double *noise, *score, *error;     // d
  double *direction;                 // d, normalized
  double *log_weights, *precisions, *log_normalizers;  // k
  double *means;                     // k · d
  double *start_means, *start_variances, *cumulative_weights;  // U_T(q)
} workspace;

static void workspace_free(workspace *w) {
  double *buffers[] = {
      w->ideal, w->learned, w->martingale, w->quadratic_variation,
      w->learned_energy, w->noise, w->score, w->error, w->direction,
      w->log_weights, w->precisions, w->log_normalizers, w->means,
      w->start_means, w->start_variances, w->cumulative_weights};
  for (size_t i = 0; i < sizeof buffers / sizeof buffers[0]; i++) {
    free(buffers[i]);
  }
}

/// Zeroed arrays for a block of n paths; 0, or −1 when memory runs out.
static int workspace_alloc(workspace *w, size_t n, size_t d, size_t k) {
  w->ideal = calloc(n * d, sizeof(double));
  w->learned = calloc(n * d, sizeof(double));
  w->martingale = calloc(n, sizeof(double));
  w->quadratic_variation = calloc(n, sizeof(double));
  w->learned_energy = calloc(n, sizeof(double));
  w->noise = calloc(d, sizeof(double));
  w->score = calloc(d, sizeof(double));
  w->error = calloc(d, sizeof(double));
  w->direction = calloc(d, sizeof(double));
  w->log_weights = calloc(k, sizeof(double));
  w->precisions = calloc(k, sizeof(double));
  w->log_normalizers = calloc(k, sizeof(double));
  w->means = calloc(k * d, sizeof(double));
  w->start_means = calloc(k * d, sizeof(double));
  w->start_variances = calloc(k, sizeof(double));
  w->cumulative_weights = calloc(k, sizeof(double));
  int ok = w->ideal && w->learned && w->martingale && w->quadratic_variation
      && w->learned_energy && w->noise && w->score && w->error
      && w->direction && w->log_weights && w->precisions
      && w->log_normalizers && w->means && w->start_means
      && w->start_variances && w->cumulative_weights;
  return ok ? 0 : -1;
}

/// u/‖u‖, as `CompiledScoreError` normalizes the direction.
static void normalize_direction(const double *u, double *out, int d) {
  double norm2 = 0;
  for (int i = 0; i < d; i++) norm2 += u[i] * u[i];
  const double norm = sqrt(norm2);
  for (int i = 0; i < d; i++) out[i] = u[i] / norm;
}

/// Y_T ~ U_T(q) for every path, Ŷ_T = Y_T: a component by inversion of
/// the cumulative weights (one uniform, binary search), then
/// e^{−T/2} μₖ + √vₖ(T) ξ (`GaussianMixture.smoothed` and `sample`).
static void draw_start(
    const baseline_problem *pr, workspace *w, size_t n, gsl_rng *r) {
  const int d = pr->dimension, k = pr->components;
  const double t = pr->horizon;
  const double decay = exp(-t), scale = exp(-0.5 * t), spread = -expm1(-t);
  double running = 0.0;
  for (int c = 0; c < k; c++) {
    for (int i = 0; i < d; i++) {
      w->start_means[c * d + i] = pr->means[c * d + i] * scale;
    }
    w->start_variances[c] = pr->variances[c] * decay + spread;
    running += pr->weights[c];
    w->cumulative_weights[c] = running;
  }

  for (size_t p = 0; p < n; p++) {
    const double u = gsl_rng_uniform(r);
    int low = 0, high = k - 1;
    while (low < high) {
      const int middle = (low + high) / 2;
      if (w->cumulative_weights[middle] > u) high = middle; else low = middle + 1;
    }
    const double sd = sqrt(w->start_variances[low]);
    double *y = w->ideal + p * d;
    for (int i = 0; i < d; i++) {
      y[i] = w->start_means[low * d + i]
          + sd * (0.0 + gsl_ran_gaussian_ziggurat(r, 1.0));
    }
    for (int i = 0; i < d; i++) w->learned[p * d + i] = y[i];
  }
}

/// e(x) = λ a (u·x) u into `out`.
static inline void along_direction(
    const double *x, const double *u, double scaled_slope, int d,
    double *out) {
  double projection = 0.0;
  for (int i = 0; i < d; i++) projection += u[i] * x[i];
  const double size = scaled_slope * projection;
  for (int i = 0; i < d; i++) out[i] = size * u[i];
}

/// One Euler–Maruyama step of path p, ideal and learned, same noise.
static inline void step(
    const baseline_problem *pr, workspace *w, const smoothed_score *truth,
    size_t p, gsl_rng *r, double h, double root_h, double scaled_slope) {
  const int d = pr->dimension;
  double *noise = w->noise, *score = w->score, *e = w->error;
  for (int i = 0; i < d; i++) {
    noise[i] = root_h * (0.0 + gsl_ran_gaussian_ziggurat(r, 1.0));
  }

  double *y = w->ideal + p * d;
  smoothed_score_evaluate(truth, y, score);
  along_direction(y, w->direction, scaled_slope, d, e);
  double projection = 0.0, norm2 = 0.0;
  for (int i = 0; i < d; i++) {
    projection += e[i] * noise[i];
    norm2 += e[i] * e[i];
    y[i] += (0.5 * y[i] + score[i]) * h + noise[i];
  }
  w->martingale[p] -= projection;
  w->quadratic_variation[p] += norm2 * h;
  if (!pr->learned_path) return;

  double *y_hat = w->learned + p * d;
  smoothed_score_evaluate(truth, y_hat, score);
  along_direction(y_hat, w->direction, scaled_slope, d, e);
  double learned_norm2 = 0.0;
  for (int i = 0; i < d; i++) {
    learned_norm2 += e[i] * e[i];
    y_hat[i] += (0.5 * y_hat[i] + score[i] - e[i]) * h + noise[i];
  }
  w->learned_energy[p] += learned_norm2 * h;
}

static void sum_block(
    const workspace *w, size_t n, int d, baseline_sums *sums) {
  baseline_sums s = {0, 0, 0, 0, 0};
  for (size_t p = 0; p < n; p++) {
    s.martingale += w->martingale[p];
    s.quadratic_variation += w->quadratic_variation[p];
    s.learned_energy += w->learned_energy[p];
    for (int i = 0; i < d; i++) {
      s.endpoint += w->ideal[p * d + i];
      s.learned_endpoint += w->learned[p * d + i];
    }
  }
  *sums = s;
}

int baseline_simulate_block(
    const baseline_problem *pr, size_t n, unsigned long seed,
    baseline_sums *sums) {
  const int d = pr->dimension, k = pr->components;
  workspace w;
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  if (workspace_alloc(&w, n, (size_t)d, (size_t)k) != 0 || r == NULL) {
    workspace_free(&w);
    if (r) gsl_rng_free(r);
    return -1;
  }
  gsl_rng_set(r, seed);
  normalize_direction(pr->direction, w.direction, d);
  for (int c = 0; c < k; c++) w.log_weights[c] = log(pr->weights[c]);
  smoothed_score truth = {
      d, k, pr->means, pr->variances, w.log_weights,
      w.means, w.precisions, w.log_normalizers};

  draw_start(pr, &w, n, r);
  const double h = (pr->horizon - pr->stop_time) / (double)pr->steps;
  const double root_h = sqrt(h);
  const double scaled_slope = pr->error_scale * pr->slope;
  for (int j = 0; j < pr->steps; j++) {
    smoothed_score_prepare(&truth, pr->horizon - (double)j * h);
    for (size_t p = 0; p < n; p++) {
      step(pr, &w, &truth, p, r, h, root_h, scaled_slope);
    }
  }

  sum_block(&w, n, d, sums);
  workspace_free(&w);
  gsl_rng_free(r);
  return 0;
}
