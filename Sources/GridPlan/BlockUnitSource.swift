import GridGeometry
import GridModel

/// Street blocks as units (`--barriers`, `--hard-barriers`): the station areas cut by the barrier lines,
/// slivers merged, heavy blocks split by straight cuts (`BlockSplit`), water as zero-link units (see
/// `GeometryEngine.blockUnits`). The optimizer gets the real lengths and, per link, its metres off the lines
/// (`BuiltUnits.graphCutLength`), which it charges as a term of their own, so grid edges run along the lines.
struct BlockUnitSource: UnitSource {
    var barriers: BarrierLayers
    var files: [String]

    /// A block heavier than this share of a grid's mean weight is split (and its pieces are at most this
    /// heavy) when the tolerance is wider: units must be well below the band for balance (DESIGN: < 10% →
    /// 95–97% of grids in ±5% in the prototype).
    static let maxUnitShare = 0.1

    /// The heaviest unit allowed, as a share of a grid's mean weight: the tolerance itself, at most
    /// `maxUnitShare` (at least 2%, so a zero tolerance does not cut blocks down to single points). A grid can then always be tuned into its band by one piece on its edge, so the optimizer
    /// needs to cut a block only where the block is heavy, not to fine-tune (Chicago, ±5%: 81% of the interior
    /// boundary on the lines at 5%, 73% at 10%).
    static func unitShare(toleranceFraction: Double) -> Double { max(0.02, min(maxUnitShare, toleranceFraction)) }
    var summary: String { "cutting the station areas into street blocks along \(files.joined(separator: ", "))" }

    func units(_ request: UnitRequest, context: PartitionContext) throws(PipelineError) -> BuiltUnits {
        let config = context.config
        let p = request.points
        let primary = p.weights.first
        let total = primary.map { $0.reduce(0, +) } ?? Double(p.count)
        var grids = Double(config.gridCount ?? request.centers?.count ?? 1)
        if let target = config.targetWeight { grids = max(1, total / target) }
        let share = Self.unitShare(toleranceFraction: config.toleranceFraction)
        let limit = total > 0 ? share * total / grids : Double.infinity
        do throws(GeometryError) {
            let blocks = try context.engine.blockUnits(
                jurisdictions: request.jurisdictions, barriers: barriers, pointX: p.x, pointY: p.y, pointWeight: primary ?? [],
                options: BlockOptions(maxUnitWeight: limit, gridWeight: total > 0 ? total / grids : .infinity))
            let r = blocks.report
            var text = "\(blocks.units.count) units from \(r.blocks) street blocks"
            var notes: [String] = []
            if r.heavyBlocks > 0 { notes.append("\(r.heavyBlocks) heavy ones split") }
            if r.sliversMerged > 0 { notes.append("\(r.sliversMerged) slivers and road strips merged into them") }
            if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
            if r.waterUnits > 0 { text += ", \(r.waterUnits) water" }
            return BuiltUnits(set: blocks.units, lattice: nil, cellSizeMetres: nil, description: text, blocks: blocks)
        } catch {
            throw .geometry(error, file: files.first ?? config.boundaryPath)
        }
    }
}
