import GridGeometry
import GridModel

/// What a unit source gets: the station areas and the points, both in the work CRS.
struct UnitRequest {
    /// One shape per jurisdiction (metres), in output order, and their areas (m²).
    var jurisdictions: [MultiPolygon]
    var jurisdictionAreas: [Double]
    var names: JurisdictionNames
    /// The points in metres (for sizing cells by workload); empty without `--points`.
    var points: PointTable
    /// Police posts in metres, when given (their count fixes K).
    var centers: PointTable?
}

/// The units a source made, ready for the graph.
struct BuiltUnits {
    var set: UnitSet
    /// For hexagons, the lattice that places points quickly; nil otherwise.
    var lattice: HexLattice?
    /// Hexagon size actually used (metres); nil for other sources.
    var cellSizeMetres: Double?
    /// How `validate` describes the units, e.g. "412 hexagons of 900 m (chosen from the data)".
    var description: String
    /// What the source repaired, dropped or filled, as warnings.
    var diagnostics: [Diagnostic] = []
    /// Street blocks (`--barriers`): barrier lengths per edge and contacts for `barrier_share`; nil otherwise.
    var blocks: BlockUnits?

    /// The graph the optimizer gets: the units with their real lengths, without the links between units
    /// touching over less than `UnitSet.minimumLinkMetres` (a pinch would be a grid of two polygons once
    /// written).
    var graphSet: UnitSet { self.set.withoutPinchLinks(realLengths: self.set.sharedLength) }

    /// For street blocks, per link of `graphSet`: its metres off the barrier lines, where a grid edge cuts
    /// through a block (`UnitGraph.cutLength`); nil for other units.
    var graphCutLength: [Double]? {
        guard let blocks else { return nil }
        let off = blocks.offBarrierLength
        return off.indices.filter { set.sharedLength[$0] >= UnitSet.minimumLinkMetres }.map { off[$0] }
    }
}

/// One way of cutting the station areas into the units grids are made of. Hexagons and given units
/// today; a new source (street blocks) is one new type implementing this, chosen in `UnitsStage`.
protocol UnitSource {
    /// The stage line shown while the units are built.
    var summary: String { get }
    /// Builds the units. - Throws: `PipelineError` naming the file that caused the failure.
    func units(_ request: UnitRequest, context: PartitionContext) throws(PipelineError) -> BuiltUnits
}

/// Stage `units`: asks the configured source for units, without knowing which it is.
enum UnitsStage {
    /// - Parameter earlier: the `--previous` map; when it is an earlier run's hexagon units, its lattice
    ///   (cell size and origin) is reused so that the same cells come back with the same ids.
    static func run(_ p: ProjectedInputs, earlier: EarlierMap? = nil, _ context: PartitionContext) throws(PipelineError) -> BuiltUnits {
        let request = UnitRequest(
            jurisdictions: p.jurisdictions, jurisdictionAreas: p.jurisdictionAreas, names: p.names,
            points: p.points, centers: p.centers?.table)
        return try context.stage("units", nil) { () throws(PipelineError) -> BuiltUnits in
            var source = self.source(p, request: request, config: context.config)
            if var hexagons = source as? HexagonUnitSource, let earlier {
                try hexagons.adopt(earlier, workCRS: p.workCRS, context: context)
                source = hexagons
            }
            context.announce("units", source.summary)
            let built = try source.units(request, context: context)
            for d in built.diagnostics { context.warn(d) }
            return built
        }
    }

    /// The source the configuration asks for: given units when `--units` was read, else hexagons.
    static func source(_ p: ProjectedInputs, request: UnitRequest, config: PartitionConfig) -> any UnitSource {
        if let given = p.givenUnits, let path = config.unitsPath {
            return GivenUnitSource(units: given, file: path)
        }
        if let barriers = p.barriers {
            return BlockUnitSource(barriers: barriers, files: config.barrierPaths + config.hardBarrierPaths)
        }
        let size = config.cellSizeMetres ?? HexagonUnitSource.defaultCellSize(request, config: config)
        return HexagonUnitSource(cellSizeMetres: size, chosenFromData: config.cellSizeMetres == nil, boundaryPath: config.boundaryPath)
    }
}
