/// Usage texts, one per command.
enum Help {
  static let main = """
    collapse-check: checks theorems on model collapse by Monte Carlo and
    quadrature, and reports PASS, FAIL, INCONCLUSIVE or UNDEFINED per claim.

    Usage:
      collapse-check                 run every theorem's default scenarios and
                                     write results/ (reports, CSV, figures)
      collapse-check list            list the theorems
      collapse-check run <id>...     run some theorems (see run --help)
      collapse-check explain <id>    walk through a theorem's proof with live numbers
      collapse-check bench           measure Monte Carlo throughput (see bench --help)
      collapse-check --help          this text

    Exit status: 0 when no claim fails, 1 when a claim fails or a negative
    control does not fail, 2 on bad input, 3 on a numerical library failure.
    """

  static let run = """
    Usage: collapse-check run <id>... [options]

    Runs the named theorems (`all` for every one) and prints a verdict table.

    Options:
      --scenario FILE     JSON file with the theorem's parameters: one scenario
                          object or a list (one theorem only); unknown keys
                          are errors
      --print-scenario    print the default scenarios in that form and stop
      --profile P         quick (default) or full (36 times the samples)
      --seed N            run seed (default 20261203); the generator is GSL's
                          mt19937, one stream per block of work
      --threads N         worker threads (default: all cores); results are
                          identical for any N
      --doublings N       how often a scenario's sample may be doubled before
                          a FAIL or INCONCLUSIVE stands (default 3, full: 1)
      --json              print the reports as JSON on stdout instead of the
                          table (one theorem: its report; several: a list)
      --out DIR           also write reports, CSV and figures into DIR
    """

  static let explain = """
    Usage: collapse-check explain <id> [--seed N] [--threads N]

    Walks through the theorem's proof step by step, printing for each step the
    number it predicts and the number a small live simulation measures.
    """

  static let bench = """
    Usage: collapse-check bench [--paths N] [--steps N] [--repeats N] [--json]
                                [--skip-theorem]

    Times the reverse-SDE sampler with its Girsanov functionals on the paper's
    10-D mixture (default 20000 paths × 1000 steps), in Swift on 1 and 2
    threads and in a plain C loop doing the same arithmetic with the same GSL
    generator, and reports path-steps per second, the Swift/C ratio per core
    and the 2-thread speed-up (best of the repeats). Then times the default
    run of girsanov-observability. Run it on an idle machine: the "core
    share" column shows when another process took a core.
    """

  static let list = """
    Usage: collapse-check list

    Lists every theorem id with its title.
    """
}
