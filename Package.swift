// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "CollapseCheck",
  products: [
    .executable(name: "collapse-check", targets: ["CollapseCheckCLI"]),
  ],
  targets: [
    // The one door to C: only the `GSL` module imports `CGSL`.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    .target(name: "GSL", dependencies: ["CGSL"]),
    .target(name: "MonteCarlo", dependencies: ["GSL"]),
    .target(name: "Harness", dependencies: ["GSL", "MonteCarlo"]),
    .target(name: "Diffusion", dependencies: ["GSL", "MonteCarlo"]),
    // The benchmark's baseline: the reverse-SDE loop in plain C, calling
    // GSL directly. Used only by `Benchmark`, never by the checks.
    .target(name: "CBaseline", dependencies: ["CGSL"]),
    .target(
      name: "Benchmark",
      dependencies: ["GSL", "MonteCarlo", "Diffusion", "CBaseline"]
    ),
    .target(
      name: "DiffusionChecks",
      dependencies: ["GSL", "MonteCarlo", "Harness", "Diffusion"]
    ),
    .target(
      name: "GirsanovObservability",
      dependencies: ["GSL", "MonteCarlo", "Harness", "Diffusion", "DiffusionChecks"]
    ),
    .target(
      name: "TwoSidedChiSquare",
      dependencies: [
        "GSL", "MonteCarlo", "Harness", "Diffusion", "DiffusionChecks",
        "GirsanovObservability",
      ]
    ),
    .target(
      name: "GaussianVarianceGrowth",
      dependencies: ["GSL", "MonteCarlo", "Harness"]
    ),
    .executableTarget(
      name: "CollapseCheckCLI",
      dependencies: [
        "Harness", "GaussianVarianceGrowth", "GirsanovObservability",
        "TwoSidedChiSquare", "Benchmark",
      ]
    ),
    .testTarget(
      name: "CollapseCheckTests",
      dependencies: [
        "GSL", "MonteCarlo", "Harness", "GaussianVarianceGrowth",
        "Diffusion", "DiffusionChecks", "GirsanovObservability", "Benchmark",
        "TwoSidedChiSquare", "CollapseCheckCLI",
      ]
    ),
    .testTarget(
      name: "DiffusionTests",
      dependencies: ["GSL", "MonteCarlo", "Diffusion"]
    ),
  ],
  swiftLanguageModes: [.v5]
)
