// The benchmark's baseline: the reverse-SDE path loop of
// `ReverseDiffusion.simulate` in plain C, for an isotropic Gaussian
// mixture with the linear error along a unit direction,
//
//     e(x, t) = λ a (u·x) u,
//
// so that timing it beside the Swift loop measures what the language
// costs, not what the algorithm costs (THEORY.md §1–2).
//
// Only the Swift module `Benchmark` uses this header. It declares no GSL
// types: the generator is created and seeded inside the block call.

#ifndef COLLAPSECHECK_BASELINE_H
#define COLLAPSECHECK_BASELINE_H

#include <stddef.h>

/// The workload of one block: the data law q at time 0, the error and
/// the time grid. Arrays are read, never written, and may be shared by
/// concurrent blocks.
typedef struct {
  /// d ≥ 2 (the Swift engine has a separate scalar loop for d = 1).
  int dimension;
  /// k ≥ 1 components.
  int components;
  /// wₖ, positive, summing to 1 (k values).
  const double *weights;
  /// μₖ row-major (k · d values).
  const double *means;
  /// vₖ > 0 (k values).
  const double *variances;
  /// u, non-zero (d values); normalized inside, as the Swift engine does.
  const double *direction;
  /// a.
  double slope;
  /// λ.
  double error_scale;
  /// T > t₀.
  double horizon;
  /// t₀ ≥ 0.
  double stop_time;
  /// Euler–Maruyama steps, ≥ 1.
  int steps;
  /// Non-zero: also run the learned path (as `learnedPath: true`).
  int learned_path;
} baseline_problem;

/// Sums over the paths of one block, in path order.
typedef struct {
  /// Σ M.
  double martingale;
  /// Σ ⟨M⟩.
  double quadratic_variation;
  /// Σ ∫‖e(Ŷ_t, t)‖² dt along the learned path.
  double learned_energy;
  /// Σ over paths and coordinates of the ideal endpoint Y_{t₀}.
  double endpoint;
  /// Σ over paths and coordinates of the learned endpoint Ŷ_{t₀}.
  double learned_endpoint;
} baseline_sums;

/// Runs `paths` ideal and learned paths on a fresh `gsl_rng_mt19937`
/// seeded with `gsl_rng_set(r, seed)`, exactly as one block of
/// `ReverseDiffusion.simulate` with an exact start: Y_T ~ U_T(q), then
/// `steps` Euler–Maruyama steps with `gsl_ran_gaussian_ziggurat` noise.
/// Given the seed `RandomStream.derivedSeed` gives that block, every path
/// matches the Swift engine's bit for bit.
///
/// Returns 0, or −1 when memory runs out (then `sums` is untouched).
/// Cost: O(paths · steps · k d); memory O(paths · d).
int baseline_simulate_block(
    const baseline_problem *problem, size_t paths, unsigned long seed,
    baseline_sums *sums);

#endif
