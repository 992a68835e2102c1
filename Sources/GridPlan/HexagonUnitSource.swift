import GridGeometry
import GridModel

/// Hexagon cells of one size clipped to each jurisdiction (the default unit source).
struct HexagonUnitSource: UnitSource {
    var cellSizeMetres: Double
    /// Whether the size was chosen from the data (no `--cell-size`), for `validate`.
    var chosenFromData: Bool
    /// The boundary file, named when clipping fails.
    var boundaryPath: String
    /// The lattice origin (metres) of an earlier run being continued; nil: placed from the boundary.
    var origin: (x: Double, y: Double)?
    /// Where the size came from, for the description ("chosen from the data", "--cell-size", …).
    var sizeSource: String { origin != nil && chosenFromData ? "the earlier map's lattice" : chosenFromData ? "chosen from the data" : "--cell-size" }

    /// Continues an earlier run's lattice when `earlier` is its hexagon units (names `H<col>_<row>`):
    /// without `--cell-size` its size and origin are taken, so every cell and id comes back; with a
    /// `--cell-size` that differs, a warning says the units will be matched by location instead.
    mutating func adopt(_ earlier: EarlierMap, workCRS: String, context: PartitionContext) throws(PipelineError) {
        let hexagons = earlier.features.filter { $0.unitID?.first == "H" }
        guard hexagons.count >= 3 else { return }
        let shapes = try context.transform(hexagons.map(\.shape), from: earlier.crs, to: workCRS, file: earlier.path)
        guard let found = HexLattice.recover(names: hexagons.map { $0.unitID ?? "" }, shapes: shapes) else { return }
        if chosenFromData || abs(found.cellSizeMetres - cellSizeMetres) < 0.005 {
            cellSizeMetres = found.cellSizeMetres
            origin = (found.originX, found.originY)
            return
        }
        context.warn(
            Diagnostic(
                code: .latticeChanged, file: earlier.path,
                message: "the earlier map's hexagons are \(Format.fixed(found.cellSizeMetres, 2)) m, --cell-size is \(Format.fixed(cellSizeMetres, 2)) m: every cell changes, units are matched to the earlier grids by location and borders move (leave out --cell-size to keep the earlier cells)"))
    }

    var summary: String { "hexagons of \(Format.fixed(cellSizeMetres, 0)) m" }

    func units(_ request: UnitRequest, context: PartitionContext) throws(PipelineError) -> BuiltUnits {
        do throws(GeometryError) {
            let (set, lattice) = try context.engine.hexagonUnits(
                jurisdictions: request.jurisdictions, cellSizeMetres: cellSizeMetres, origin: origin,
                threads: context.config.workerThreads)
            return BuiltUnits(
                set: set, lattice: lattice, cellSizeMetres: cellSizeMetres,
                description: "\(set.area.count) hexagons of \(Format.fixed(cellSizeMetres, 0)) m (\(sizeSource))")
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
            let load = CellLoad(p.points)
            // Piles of points at one address are left out of the measure: finer cells cannot split them,
            // but they can still make every other cell around them finer (Houston: 515 crimes at one point).
            while s * 0.9 > smallest, load.heaviest(size: s).splittable > meanGrid / 12 {
                s *= 0.9
            }
        }
        s = max(s, smallest)
        var magnitude = 1.0
        while magnitude * 100 <= s { magnitude *= 10 }
        return max(1, (s / magnitude).rounded() * magnitude)
    }
}
