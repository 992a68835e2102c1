// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: gridplan (CLI) → GridPlan (pipeline) → GridIO, GridGeometry, GridOptimizer.
// GridOptimizer imports nothing of ours; only GridGeometry imports CGEOS/CPROJ, only GridGDAL imports CGDAL.
let package = Package(
    name: "gridplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gridplan", targets: ["gridplan"]),
        .library(name: "GridPlan", targets: ["GridPlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev", "proj-data"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .target(name: "GridModel"),
        .target(name: "GridOptimizer"),
        .target(name: "GridIO", dependencies: ["GridModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "GridGeometry", dependencies: ["GridModel", "CGEOS", "CPROJ"]),
        // Shapefile, GeoPackage, file geodatabase, KML and XLSX in, GeoPackage and Shapefile out; the only user of CGDAL.
        .target(name: "GridGDAL", dependencies: ["GridModel", "GridIO", "CGDAL"]),
        .target(name: "GridPlan", dependencies: ["GridModel", "GridIO", "GridGDAL", "GridGeometry", "GridOptimizer"]),
        .executableTarget(
            name: "gridplan",
            dependencies: ["GridPlan", "GridIO", "GridModel", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Seeded random-mutation driver for the GeoJSON/CSV readers (Scripts/fuzz).
        .executableTarget(name: "gridplan-fuzz", dependencies: ["GridIO", "GridModel"]),
        // Partition stage on generated counties, graphs written for METIS (Scripts/bench).
        .executableTarget(name: "gridplan-bench", dependencies: ["GridOptimizer", "GridModel"]),
        // Point reading per format: GeoJSON/CSV readers vs GDAL (Scripts/bench-read).
        .executableTarget(name: "gridplan-readbench", dependencies: ["GridIO", "GridGDAL", "GridModel"]),
        .testTarget(name: "GridOptimizerTests", dependencies: ["GridOptimizer"]),
        .testTarget(name: "GridIOTests", dependencies: ["GridIO", "GridModel"]),
        .testTarget(name: "GridGeometryTests", dependencies: ["GridGeometry", "GridModel"]),
        .testTarget(name: "GridGDALTests", dependencies: ["GridGDAL", "GridIO", "GridModel"]),
        .testTarget(
            name: "GridPlanTests", dependencies: ["GridPlan", "GridIO", "GridModel", "GridGeometry", "gridplan"],
            // Input fixtures are read from the package folder by path, not bundled.
            exclude: ["Fixtures"]),
    ]
)
