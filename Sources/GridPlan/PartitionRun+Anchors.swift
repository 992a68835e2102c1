import GridGeometry
import GridIO
import GridModel

/// Police posts given with `--centers`: the unit each lies in, grouped by jurisdiction.
struct Centers {
    /// Unit of each centre, in grid order (jurisdiction 0's centres first, then input order).
    var units: [Int32]
    /// Centres per jurisdiction: this fixes K there.
    var perJurisdiction: [Int]
}

extension PartitionRun {
    /// Reads the centre points (police posts) and checks their coordinates; `project` moves them to the work CRS.
    func loadCenters(_ path: String) throws(PipelineError) -> (points: PointTable, crs: String) {
        var table: PointTable
        var crs: String?
        do throws(GridIOError) {
            if path.lowercased().hasSuffix(".csv") {
                table = try CSVPointReader.read(path: path, idField: nil, weightFields: []).points
            } else {
                let r = try GeoJSONReader.readPoints(path: path, idField: nil, weightFields: [])
                table = r.points
                crs = r.crs
            }
        } catch {
            throw PipelineError(error)
        }
        guard table.count > 0 else { throw PipelineError(.data, "\(path): no centre points") }
        let source = try resolveCRS(fileCRS: crs, file: path)
        try CoordinateCheck.checkPoints(table, crs: source, file: path)
        return (table, source)
    }

    /// Places each centre (work CRS) in its unit and checks that they can anchor distinct grids.
    func readCenters(_ path: String, table: PointTable, units: BuiltUnits, jurisdictionCount: Int) throws(PipelineError) -> Centers {
        let located: [Int32]
        do throws(GeometryError) {
            located = try engine.assignPoints(x: table.x, y: table.y, units: units.set, lattice: units.lattice)
        } catch {
            throw PipelineError(geometry: error, file: path)
        }
        let where_ = { (i: Int) in path.lowercased().hasSuffix(".csv") ? "line \(table.sources[i])" : "feature \(table.sources[i])" }
        var firstAt: [Int32: Int] = [:]
        var perJurisdiction = Array(repeating: 0, count: jurisdictionCount)
        for i in 0..<table.count {
            let u = located[i]
            guard u >= 0 else { throw PipelineError(.data, "\(path): centre \(i) lies outside the boundary (\(where_(i)))") }
            if let other = firstAt[u] {
                throw PipelineError(
                    .data,
                    "\(path): centres \(other) and \(i) fall in the same unit \(units.set.names[Int(u)]); use a smaller --cell-size or merge them (\(where_(i)))")
            }
            firstAt[u] = i
            perJurisdiction[Int(units.set.jurisdiction[Int(u)])] += 1
        }
        for j in 0..<jurisdictionCount where perJurisdiction[j] == 0 {
            throw PipelineError(.data, "\(path): \(jurisdictionLabel(j)) has no centre; every sub-jurisdiction needs at least one")
        }
        let order = (0..<table.count).sorted {
            let ja = units.set.jurisdiction[Int(located[$0])], jb = units.set.jurisdiction[Int(located[$1])]
            return ja != jb ? ja < jb : $0 < $1
        }
        return Centers(units: order.map { located[$0] }, perJurisdiction: perJurisdiction)
    }
}
