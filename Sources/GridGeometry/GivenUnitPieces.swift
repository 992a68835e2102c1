/// The pieces of given shapes, one per (shape, jurisdiction) the shape has faces in (m², m).
struct Pieces {
    struct Piece {
        var source: Int32
        var jurisdiction: Int32
        /// Area and perimeter of the shape's footprint in the jurisdiction (before overlaps are resolved).
        var area = 0.0
        var perimeter = 0.0
        /// False for digitising noise along a border (thinner than the snap tolerance).
        var kept = true
    }

    /// Ordered by source, then jurisdiction.
    var list: [Piece] = []
    /// Piece index by `key(source, jurisdiction)`; lookups only, never iterated.
    var index: [Int64: Int] = [:]
    let faces: FaceArrangement

    static func key(_ source: Int32, _ jurisdiction: Int32) -> Int64 {
        Int64(source) << 32 | Int64(UInt32(bitPattern: jurisdiction))
    }

    /// Pieces from the faces' jurisdictions and covering shapes; a piece is thin when its area is below
    /// `snapMetres` × half its perimeter or 1e-9 of its shape's area, and thin pieces are not kept unless
    /// all of a shape's pieces are thin (then the largest is).
    init(faces: FaceArrangement, faceJur: [Int32], cover: [[Int32]], snapMetres: Double) {
        self.faces = faces
        var keys: [Int64] = []
        var members: [Int64: [Int]] = [:]
        for f in 0..<faces.count where faceJur[f] >= 0 {
            for s in cover[f] {
                let k = Self.key(s, faceJur[f])
                if members[k] == nil { keys.append(k) }
                members[k, default: []].append(f)
            }
        }
        keys.sort()
        for k in keys {
            let s = Int32(k >> 32), j = Int32(truncatingIfNeeded: k)
            var piece = Piece(source: s, jurisdiction: j)
            let fs = members[k] ?? []
            for f in fs {
                piece.area += faces.area[f]
                for (g, l) in faces.neighbours(of: f) {
                    let inside = g >= 0 && faceJur[Int(g)] == j && cover[Int(g)].contains(s)
                    if !inside { piece.perimeter += l }
                }
            }
            index[k] = list.count
            list.append(piece)
        }
        var sourceArea: [Int32: Double] = [:]
        for p in list { sourceArea[p.source, default: 0] += p.area }
        var start = 0
        while start < list.count {
            var end = start
            while end < list.count && list[end].source == list[start].source { end += 1 }
            let total = sourceArea[list[start].source] ?? 0
            var largest = start
            for p in start..<end {
                let a = list[p].area
                list[p].kept = !(a < snapMetres * list[p].perimeter / 2 || a < 1e-9 * total)
                if a > list[largest].area { largest = p }
            }
            if !(start..<end).contains(where: { list[$0].kept }) { list[largest].kept = true }
            start = end
        }
    }

    /// The connected parts (faces joined by shared edges of positive length) of each piece's owned faces:
    /// per piece, parts by descending area (ties: first face), faces ascending.
    func components(owner: [Int32]) -> [[[Int]]] {
        var members = [[Int]](repeating: [], count: list.count)
        for f in 0..<faces.count where owner[f] >= 0 { members[Int(owner[f])].append(f) }
        var out = [[[Int]]](repeating: [], count: list.count)
        var mark = [Bool](repeating: false, count: faces.count)
        for p in list.indices {
            for start in members[p] where !mark[start] {
                var stack = [start], component: [Int] = []
                mark[start] = true
                while let f = stack.popLast() {
                    component.append(f)
                    for (g, l) in faces.neighbours(of: f) where g >= 0 && l > 0 && owner[Int(g)] == Int32(p) && !mark[Int(g)] {
                        mark[Int(g)] = true
                        stack.append(Int(g))
                    }
                }
                out[p].append(component.sorted())
            }
            if out[p].count > 1 {
                let keyed = out[p].map { (part: $0, area: $0.reduce(0.0) { $0 + faces.area[$1] }) }
                out[p] = keyed.sorted { $0.area != $1.area ? $0.area > $1.area : $0.part[0] < $1.part[0] }.map { $0.part }
            }
        }
        return out
    }

    /// For each piece of a single-polygon shape whose owned faces form several parts, every part but the
    /// largest (by area).
    func minorComponents(owner: [Int32], singlePolygon: [Bool]) -> [[Int]] {
        var out: [[Int]] = []
        for (p, parts) in components(owner: owner).enumerated() where parts.count > 1 && singlePolygon[Int(list[p].source)] {
            out += parts.dropFirst()  // the first is the largest
        }
        return out
    }
}
