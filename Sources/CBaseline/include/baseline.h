// Placeholder: the benchmark baseline is being written.
#ifndef COLLAPSECHECK_BASELINE_H
#define COLLAPSECHECK_BASELINE_H
int baseline_version(void);
#endif
