import GridModel

/// The GEOS half of clipping the lattice by one jurisdiction: which cells of its box lie properly
/// inside, and what is left of each boundary cell. No vertex is snapped here (`HexClipper` does that
/// in cell order), so the rows can be shared between two threads, each with its own GEOS context.
enum HexCellCuts {
    enum Cut: Sendable {
        case whole
        case parts(MultiPolygon)
    }

    typealias Cell = (row: Int, col: Int, cut: Cut)

    /// The cells in `rows` × `cols` that meet the jurisdiction, by row then column, and the error
    /// that stopped the scan after them (nil when the scan finished).
    /// - Parameter threads: with more than one, the second half of the rows is cut by a fresh GEOS
    ///   context on another thread (from `shape`, the jurisdiction `jg` was made from).
    static func cells(
        of jg: Geometry, shape: MultiPolygon, lattice: HexLattice, rows: ClosedRange<Int>, cols: ClosedRange<Int>,
        threads: Int
    ) -> (cells: [Cell], error: GeometryError?) {
        let split = rows.lowerBound + rows.count / 2
        guard threads > 1, rows.count >= 8 else { return scan(jg, lattice: lattice, rows: rows, cols: cols) }
        let later = split...rows.upperBound
        let tail = BackgroundWork(concurrent: true) { () -> (cells: [Cell], error: GeometryError?) in
            do throws(GeometryError) {
                let context = try GEOSContext()
                return scan(try Geometry.make(shape, in: context), lattice: lattice, rows: later, cols: cols)
            } catch {
                return ([], error)
            }
        }
        let head = scan(jg, lattice: lattice, rows: rows.lowerBound...(split - 1), cols: cols)
        let rest = tail.value()
        if head.error != nil { return head }
        return (head.cells + rest.cells, rest.error)
    }

    /// The scan itself, in one GEOS context (the one `jg` lives in).
    private static func scan(_ jg: Geometry, lattice: HexLattice, rows: ClosedRange<Int>, cols: ClosedRange<Int>)
        -> (cells: [Cell], error: GeometryError?)
    {
        var out: [Cell] = []
        do throws(GeometryError) {
            let context = jg.context
            let prepared = try PreparedGeometry(jg)
            let b = try jg.bounds()
            let w = lattice.cellSizeMetres, r0 = lattice.edgeLength
            let grow = 0.01 * w
            for row in rows {
                for col in cols {
                    let c = lattice.center(col: col, row: row)
                    if c.x + w / 2 < b.minX || c.x - w / 2 > b.maxX || c.y + r0 < b.minY || c.y - r0 > b.maxY { continue }
                    let ring = lattice.ring(col: col, row: row)
                    let hex = Geometry(owning: try Geometry.makePolygon(Polygon(rings: [ring]), in: context), in: context)
                    if try prepared.containsProperly(hex) {
                        out.append((row, col, .whole))
                        continue
                    }
                    guard try prepared.intersects(hex) else { continue }
                    // Pre-clip to an enlarged box so the box's own new vertices fall outside the hexagon.
                    let local = try jg.clipByRect(
                        minX: c.x - w / 2 - grow, minY: c.y - r0 - grow, maxX: c.x + w / 2 + grow, maxY: c.y + r0 + grow)
                    out.append((row, col, .parts(try local.intersection(hex).toMultiPolygon())))
                }
            }
            return (out, nil)
        } catch {
            return (out, error)
        }
    }
}
