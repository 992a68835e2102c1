import GridGeometry
import GridModel

/// Hexagon cells of one size clipped to each jurisdiction (the default unit source).
struct HexagonUnitSource: UnitSource {
    var cellSizeMetres: Double
    /// Whether the size was chosen from the data (no `--cell-size`), for `validate`.
    var chosenFromData: Bool
    /// The boundary file, named when clipping fails.
    var boundaryPath: String

    var summary: String { "hexagons of \(Format.fixed(cellSizeMetres, 0)) m" }

    func units(_ request: UnitRequest, context: PartitionContext) throws(PipelineError) -> BuiltUnits {
        do throws(GeometryError) {
            let (set, lattice) = try context.engine.hexagonUnits(jurisdictions: request.jurisdictions, cellSizeMetres: cellSizeMetres)
            let how = chosenFromData ? "chosen from the data" : "--cell-size"
            return BuiltUnits(
                set: set, lattice: lattice, cellSizeMetres: cellSizeMetres,
                description: "\(set.area.count) hexagons of \(Format.fixed(cellSizeMetres, 0)) m (\(how))")
        } catch {
            throw .geometry(error, file: boundaryPath)
        }
    }

    /// A cell size that gives each grid about 60 hexagons (DESIGN: 30–100), made finer where the
    /// workload is concentrated so that no cell holds more than about 1/12 of a grid's weight (a dense
    /// core of a few heavy cells cannot be balanced), but never more than about 150 cells per grid.
    /// Rounded to 2 significant digits so that the value in the report reads well.
    static func defaultCellSize(_ p: UnitRequest, config: PartitionConfig) -> Double {
        let area = p.jurisdictionAreas.reduce(0, +)
        let primary = p.points.weights.first
        let total = primary.map { $0.reduce(0, +) } ?? Double(p.points.count)
        var grids = Double(config.gridCount ?? p.centers?.count ?? 1)
        if let target = config.targetWeight { grids = max(1, total / target) }
        // Hexagon with distance s between opposite edges has area (√3/2)·s².
        let sizeFor = { (cellsPerGrid: Double) in (area / (grids * cellsPerGrid) / (3.0.squareRoot() / 2)).squareRoot() }
        var s = sizeFor(60)
        let smallest = sizeFor(150)
        let meanGrid = total / grids
        if p.points.count > 0 {
            var heaviest = CellLoad.heaviest(p.points, size: s)
            while s * 0.9 > smallest, heaviest > meanGrid / 12 {
                // Stop when finer cells no longer spread the load (many points at one address).
                let next = CellLoad.heaviest(p.points, size: s * 0.9)
                if next > heaviest * 0.95 { break }
                s *= 0.9
                heaviest = next
            }
        }
        s = max(s, smallest)
        var magnitude = 1.0
        while magnitude * 100 <= s { magnitude *= 10 }
        return max(1, (s / magnitude).rounded() * magnitude)
    }
}
/// The heaviest square cell of a given size: a cheap stand-in for the heaviest hexagon.
enum CellLoad {
    /// - Complexity: O(n log n) for n points (sorting the cell keys).
    static func heaviest(_ p: PointTable, size: Double) -> Double {
        guard p.count > 0, size > 0 else { return 0 }
        var keys: [(Int64, Double)] = []
        keys.reserveCapacity(p.count)
        let minX = p.x.min() ?? 0, minY = p.y.min() ?? 0
        for i in 0..<p.count {
            let cx = Int64(((p.x[i] - minX) / size).rounded(.down)), cy = Int64(((p.y[i] - minY) / size).rounded(.down))
            keys.append((cx << 32 | cy, p.weights.isEmpty ? 1 : p.weights[0][i]))
        }
        keys.sort { $0.0 < $1.0 }
        var best = 0.0, run = 0.0
        var current = keys[0].0
        for (k, w) in keys {
            if k != current {
                best = max(best, run)
                run = 0
                current = k
            }
            run += w
        }
        // A hexagon of the same width covers ~0.87 of the square's area.
        return max(best, run) * 0.87
    }
}
