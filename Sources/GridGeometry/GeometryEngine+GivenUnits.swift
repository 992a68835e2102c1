import GridModel

/// Given polygons (villages, census blocks, precincts, beats) as units (projected metres, m²).
extension GeometryEngine {
    /// Given polygons as units that tile the jurisdictions exactly, with rook adjacency.
    ///
    /// Real unit layers have digitising gaps, overlaps and slivers, so the shapes are not used as they
    /// are. Every shape is made valid if needed; then the boundaries of all shapes and all jurisdictions are
    /// noded together and polygonized into faces (see `FaceArrangement`). Each face is then given to
    /// exactly one unit:
    /// - a face inside a jurisdiction and inside one or more shapes goes to the shape with the lowest
    ///   index (overlaps are resolved in input order, deterministically);
    /// - a face outside every jurisdiction is clipped away;
    /// - a face inside a jurisdiction but inside no shape (a gap) goes to the unit of the same jurisdiction
    ///   it shares most boundary with (ties: lower unit index), repeated until every gap touching a unit is
    ///   filled; gaps of any size are filled and reported.
    ///
    /// A shape crossing a border is cut, and each substantial piece is a unit of its jurisdiction (named
    /// "<id>_<k>", k = 1, 2, … in jurisdiction order). Pieces thinner than `snapMetres` (area below snap × half
    /// the piece's perimeter) are digitising noise along a border: they are not units, and their area goes to
    /// the units on the other side (so the shape goes to the jurisdiction holding most of it). A single-polygon
    /// shape left in several parts by an overlap keeps its largest part; the others go to their neighbours.
    /// A shape that is genuinely in several parts (a multi-polygon, an exclave) gives one unit per part
    /// ("<id>_<k>"), so every unit is one polygon and islands are visible in the adjacency graph.
    ///
    /// Neighbouring units share bit-identical edges, so the units' areas add up to the jurisdictions' areas
    /// (less `report.uncoveredArea`), the dissolve of any set of units is an exact coverage union, and a set
    /// of units connected in the adjacency graph dissolves into one polygon. Two units of the same
    /// jurisdiction are neighbours when they share a boundary of positive length; the shared length is exact
    /// (units across a digitising gap become neighbours because the gap is filled, not by a distance
    /// tolerance, and no vertex snapping is needed). What was clipped, repaired and filled is in
    /// `UnitSet.givenUnitsReport`. Unit order is input order (pieces of one input in jurisdiction order, parts of a
    /// piece largest first); names number all units of one input in that order.
    /// - Complexity: one noding of all boundaries plus one point-in-polygon test per face and candidate shape.
    public func givenUnits(_ shapes: [MultiPolygon], names: [String], jurisdictions: [MultiPolygon], snapMetres: Double)
        throws(GeometryError) -> UnitSet
    {
        guard shapes.count == names.count else {
            throw GeometryError("givenUnits: \(shapes.count) shapes but \(names.count) names")
        }
        guard snapMetres.isFinite, snapMetres >= 0 else {
            throw GeometryError("snapping tolerance must be ≥ 0 metres, got \(snapMetres)")
        }
        var report = GivenUnitsReport()
        // Close vertices and T-junctions (rounded or separately digitised neighbours) become exactly
        // shared first, so noding makes no needle faces that would become spikes on one unit.
        var snapper = VertexSnapper(tolerance: GivenUnitsReport.vertexSnapMetres)
        // Jurisdictions stay as given (snapping both sides of a station border could make them overlap);
        // unit vertices near them snap onto them.
        let snapped = snapper.snap(shapes, fixed: jurisdictions)
        let jg = try validJurisdictions(jurisdictions)
        var jp: [PreparedGeometry] = []
        for g in jg { jp.append(try PreparedGeometry(g)) }
        let sources = try givenSources(shapes, snapped: snapped, jurisdictions: jp, report: &report)
        _ = takeGEOSNotices()

        let faces = try FaceArrangement(boundariesOf: jg + sources.shapes.compactMap { $0 }, in: geos)
        let (faceJur, cover) = try locateFaces(faces, jurisdictions: jp, sources: sources, report: &report)
        let pieces = Pieces(faces: faces, faceJur: faceJur, cover: cover, snapMetres: snapMetres)
        for p in pieces.list.indices where !pieces.list[p].kept {
            report.borderSliverCount += 1
            report.borderSliverArea += pieces.list[p].area
        }
        var owner = faceOwners(faces, faceJur: faceJur, cover: cover, pieces: pieces, report: &report)
        var pending = (0..<faces.count).filter { faceJur[$0] >= 0 && owner[$0] < 0 }
        for f in pending where cover[f].isEmpty {
            report.gapCount += 1
            report.gapArea += faces.area[f]
            report.largestGapArea = max(report.largestGapArea, faces.area[f])
        }
        pending = fill(pending, faces, faceJur, &owner)
        for f in pending { report.uncoveredArea += faces.area[f] }
        detachMinorParts(
            pieces: pieces, faces: faces, faceJur: faceJur, singlePolygon: sources.singlePolygon, owner: &owner,
            report: &report)
        return try assembleGivenUnits(
            pieces: pieces, faces: faces, owner: owner, names: names, sourceCount: shapes.count, report: report)
    }

    /// The given shapes made valid and polygonal, with their prepared forms and an index; a shape wholly
    /// outside every jurisdiction is nil (kept out of the noding, which costs per vertex) and its area
    /// counts as clipped.
    private struct GivenSources {
        var shapes: [Geometry?] = []
        var prepared: [PreparedGeometry?] = []
        /// Whether each shape is one polygon (a shape left in several parts keeps only its largest).
        var singlePolygon: [Bool] = []
        let tree: STRtree
    }

    /// Each shape as snapped, or as given when snapping folded it onto itself, or repaired (`repairedSources`).
    private func givenSources(
        _ shapes: [MultiPolygon], snapped: [MultiPolygon], jurisdictions jp: [PreparedGeometry], report: inout GivenUnitsReport
    ) throws(GeometryError) -> GivenSources {
        var sources = GivenSources(tree: try STRtree(in: geos))
        for i in shapes.indices {
            var g = try geometry(snapped[i])
            // A shape that snapping folded onto itself (it runs within the tolerance of itself) stays as given.
            if !(try g.isValid()) { g = try geometry(shapes[i]) }
            if !(try g.isValid()) {
                g = try geometry(try g.makeValidStructure().toMultiPolygon())
                report.repairedSources.append(Int32(i))
            }
            let empty = try g.isEmpty()
            let area = empty ? 0 : try g.area()
            var touches = false
            if area > 0 { for k in jp.indices where try jp[k].intersects(g) { touches = true; break } }
            if !touches {
                report.clippedArea += area  // wholly outside: kept out of the noding, which costs per vertex
                sources.shapes.append(nil)
                sources.prepared.append(nil)
                sources.singlePolygon.append(false)
                continue
            }
            sources.shapes.append(g)
            sources.prepared.append(try PreparedGeometry(g))
            sources.singlePolygon.append(try g.toMultiPolygon().polygons.count == 1)
            sources.tree.insert(g, id: i)
        }
        return sources
    }

    /// The jurisdiction (first containing, -1 for none) and the covering sources (ascending) of each face;
    /// a covered face outside every jurisdiction counts as clipped.
    private func locateFaces(
        _ faces: FaceArrangement, jurisdictions jp: [PreparedGeometry], sources: GivenSources, report: inout GivenUnitsReport
    ) throws(GeometryError) -> (faceJur: [Int32], cover: [[Int32]]) {
        var faceJur = [Int32](repeating: -1, count: faces.count)
        var cover = [[Int32]](repeating: [], count: faces.count)
        for f in 0..<faces.count {
            let (x, y) = try faces.faces[f].pointOnSurface()
            guard x.isFinite, y.isFinite else { continue }
            for k in jp.indices where try jp[k].contains(x: x, y: y) {
                faceJur[f] = Int32(k)
                break
            }
            let pt = try Geometry.point(x: x, y: y, in: geos)
            for s in sources.tree.query(pt) where try sources.prepared[s]?.contains(x: x, y: y) == true {
                cover[f].append(Int32(s))
            }
            if faceJur[f] < 0 && !cover[f].isEmpty { report.clippedArea += faces.area[f] }
        }
        return (faceJur, cover)
    }

    /// The piece owning each face: the lowest-index source whose piece in the face's jurisdiction is kept
    /// (-1 for none); faces with more than one kept piece count as overlap.
    private func faceOwners(
        _ faces: FaceArrangement, faceJur: [Int32], cover: [[Int32]], pieces: Pieces, report: inout GivenUnitsReport
    ) -> [Int32] {
        var owner = [Int32](repeating: -1, count: faces.count)
        for f in 0..<faces.count where faceJur[f] >= 0 {
            var kept = 0
            for s in cover[f] {
                guard let p = pieces.index[Pieces.key(s, faceJur[f])], pieces.list[p].kept else { continue }
                if kept == 0 { owner[f] = Int32(p) }
                kept += 1
            }
            if kept > 1 { report.overlapArea += faces.area[f] }
        }
        return owner
    }

    /// Single-polygon sources left in several parts keep the largest; the others go to neighbours (a part
    /// touching no other unit stays a part of its own unit).
    private func detachMinorParts(
        pieces: Pieces, faces: FaceArrangement, faceJur: [Int32], singlePolygon: [Bool], owner: inout [Int32],
        report: inout GivenUnitsReport
    ) {
        let minor = pieces.minorComponents(owner: owner, singlePolygon: singlePolygon)
        guard !minor.isEmpty else { return }
        var released: [(face: Int, piece: Int32)] = []
        for component in minor { for f in component { released.append((f, owner[f])) } }
        for r in released { owner[r.face] = -1 }
        let left = Set(fill(released.map { $0.face }, faces, faceJur, &owner))
        for r in released where left.contains(r.face) {
            owner[r.face] = r.piece  // touches no other unit: stays a part of its own unit
        }
        for component in minor where component.contains(where: { !left.contains($0) }) {
            report.detachedPartCount += 1
            for f in component where !left.contains(f) { report.detachedPartArea += faces.area[f] }
        }
    }

    /// Gives pending faces to the unit of their jurisdiction they share most boundary with, in rounds
    /// (a face touching only pending faces waits for the next round). Returns the faces left over.
    private func fill(_ pending: [Int], _ faces: FaceArrangement, _ faceJur: [Int32], _ owner: inout [Int32]) -> [Int] {
        var pending = pending
        while !pending.isEmpty {
            var next: [Int] = [], moves: [(Int, Int32)] = []
            for f in pending {
                var best: Int32 = -1, bestLength = 0.0
                var tally: [(Int32, Double)] = []
                for (g, l) in faces.neighbours(of: f) where g >= 0 && owner[Int(g)] >= 0 && faceJur[Int(g)] == faceJur[f] {
                    let p = owner[Int(g)]
                    if let k = tally.firstIndex(where: { $0.0 == p }) { tally[k].1 += l } else { tally.append((p, l)) }
                }
                for (p, l) in tally where l > bestLength || (l == bestLength && p < best) {
                    best = p
                    bestLength = l
                }
                if best >= 0 && bestLength > 0 { moves.append((f, best)) } else { next.append(f) }
            }
            if moves.isEmpty { return next }
            for (f, p) in moves { owner[f] = p }
            pending = next
        }
        return []
    }

    /// Unit arrays from the faces' owners: one unit per connected part of a piece (pieces with no face
    /// left are not units).
    private func assembleGivenUnits(
        pieces: Pieces, faces: FaceArrangement, owner: [Int32], names: [String], sourceCount: Int,
        report: GivenUnitsReport
    ) throws(GeometryError) -> UnitSet {
        var report = report
        // One unit per connected part of each piece: every unit is one polygon.
        let parts = pieces.components(owner: owner)
        var unitOfFace = [Int32](repeating: -1, count: faces.count)
        var perSource = [Int](repeating: 0, count: sourceCount)
        for p in pieces.list.indices { perSource[Int(pieces.list[p].source)] += parts[p].count }
        report.outsideSources = (0..<sourceCount).filter { perSource[$0] == 0 }.map { Int32($0) }
        var units = UnitSet(
            shapes: [], jurisdiction: [], area: [], perimeter: [], centroidX: [], centroidY: [], names: [], offsets: [],
            neighbors: [], sharedLength: [])
        var seen = [Int](repeating: 0, count: sourceCount)
        for p in pieces.list.indices {
            let piece = pieces.list[p]
            let s = Int(piece.source)
            if parts[p].count > 1, report.splitSources.last != piece.source { report.splitSources.append(piece.source) }
            for part in parts[p] {
                for f in part { unitOfFace[f] = Int32(units.count) }
                let g = part.count == 1
                    ? part.map { faces.faces[$0] }[0]
                    : try unionOfCoverage(part.map { faces.faces[$0] }, expectedArea: part.reduce(0.0) { $0 + faces.area[$1] })
                units.shapes.append(try g.toMultiPolygon())
                units.jurisdiction.append(piece.jurisdiction)
                units.area.append(try g.area())
                units.perimeter.append(try g.length())
                let c = try g.centroid()
                units.centroidX.append(c.x)
                units.centroidY.append(c.y)
                seen[s] += 1
                units.names.append(perSource[s] == 1 ? names[s] : "\(names[s])_\(seen[s])")
                units.sourceIndex.append(piece.source)
            }
        }
        let n = units.count
        // Shared lengths: sum over face pairs of different units of one jurisdiction, once per pair.
        var shared: [Int64: Double] = [:]
        for f in 0..<faces.count where unitOfFace[f] >= 0 {
            let u = unitOfFace[f]
            for (g, l) in faces.neighbours(of: f) where Int(g) > f && unitOfFace[Int(g)] >= 0 {
                let v = unitOfFace[Int(g)]
                guard u != v, units.jurisdiction[Int(u)] == units.jurisdiction[Int(v)] else { continue }
                shared[Int64(min(u, v)) << 32 | Int64(max(u, v)), default: 0] += l
            }
        }
        var lists = [[(Int32, Double)]](repeating: [], count: n)
        for (key, l) in shared where l > 0 {
            let u = Int32(key >> 32), v = Int32(truncatingIfNeeded: key)
            lists[Int(u)].append((v, l))
            lists[Int(v)].append((u, l))
        }
        let csr = UnitSet.csr(lists)
        units.offsets = csr.offsets
        units.neighbors = csr.neighbors
        units.sharedLength = csr.lengths
        units.givenUnitsReport = report
        return units
    }
}
