import GridModel

/// The lines that cut the jurisdictions into blocks, with a segment index telling which kind each lies on
/// (projected metres).
struct BlockLinework {
    let engine: GeometryEngine
    /// All lines in order: jurisdiction outlines, hard-area outlines, hard lines, soft lines, snap connectors.
    private(set) var lines: [[Double]] = []
    private(set) var index: SegmentIndex
    let jurisdictions: [Geometry]
    private let jurisdictionPrepared: [PreparedGeometry]
    private let jurisdictionBounds: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]
    private let water: [PreparedGeometry]
    private let waterBounds: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]
    let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    private(set) var snapped = 0

    init(engine: GeometryEngine, jurisdictions shapes: [MultiPolygon], barriers: BarrierLayers, options: BlockOptions)
        throws(GeometryError)
    {
        self.engine = engine
        index = SegmentIndex(cellMetres: 50)
        var jg: [Geometry] = [], jp: [PreparedGeometry] = [], jb: [(Double, Double, Double, Double)] = []
        for (k, j) in shapes.enumerated() {
            let g = try engine.geometry(j)
            if !(try g.isValid()) { throw GeometryError("jurisdiction \(k) is not a valid polygon: \(try g.validReason())") }
            if try g.isEmpty() { throw GeometryError("jurisdiction \(k) is empty") }
            jg.append(g)
            jp.append(try PreparedGeometry(g))
            jb.append(try g.bounds())
        }
        guard let b0 = jb.first else { throw GeometryError("blocks need at least one jurisdiction") }
        var b = b0
        for x in jb { b = (min(b.0, x.0), min(b.1, x.1), max(b.2, x.2), max(b.3, x.3)) }
        bounds = (b.0, b.1, b.2, b.3)
        jurisdictions = jg
        jurisdictionPrepared = jp
        jurisdictionBounds = jb.map { ($0.0, $0.1, $0.2, $0.3) }

        var id: Int32 = 0
        func add(_ l: [Double], _ kind: UInt8, into lines: inout [[Double]], index: inout SegmentIndex) {
            lines.append(l)
            index.add(line: l, kind: kind, id: id)
            id += 1
        }
        var lines: [[Double]] = []
        var index = SegmentIndex(cellMetres: 50)
        for g in jg { for l in try g.lineCoordinates() { add(l, SegmentIndex.border, into: &lines, index: &index) } }
        // Hard areas: made valid, clipped to the jurisdictions' bounds (a lake can be huge).
        let margin = 10.0
        var wp: [PreparedGeometry] = [], wb: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
        for a in barriers.hardAreas where !a.isEmpty {
            var g = try engine.geometry(a)
            if !(try g.isValid()) { g = try g.makeValidStructure() }
            if try g.isEmpty() { continue }
            g = try g.clipByRect(minX: b.0 - margin, minY: b.1 - margin, maxX: b.2 + margin, maxY: b.3 + margin)
            if try g.isEmpty() { continue }
            if try g.area() <= 0 { continue }
            wp.append(try PreparedGeometry(g))
            wb.append(try g.bounds())
            for l in try g.lineCoordinates() { add(l, SegmentIndex.hardArea, into: &lines, index: &index) }
        }
        water = wp
        waterBounds = wb
        let inBox = { (l: [Double]) -> Bool in
            var i = 0
            var lo = (Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity)
            while i + 1 < l.count {
                lo = (min(lo.0, l[i]), min(lo.1, l[i + 1]))
                hi = (max(hi.0, l[i]), max(hi.1, l[i + 1]))
                i += 2
            }
            return hi.0 >= b.0 - margin && lo.0 <= b.2 + margin && hi.1 >= b.1 - margin && lo.1 <= b.3 + margin
        }
        let firstBarrier = lines.count
        for l in barriers.hardLines where l.count >= 4 && inBox(l) { add(l, SegmentIndex.hardLine, into: &lines, index: &index) }
        for l in barriers.soft where l.count >= 4 && inBox(l) { add(l, SegmentIndex.soft, into: &lines, index: &index) }
        // Near-misses: a line end within snap distance of other linework, but not on it, is joined to it.
        var connectors: [([Double], UInt8)] = []
        for k in firstBarrier..<lines.count {
            let l = lines[k]
            let kind: UInt8 = k < firstBarrier + barriers.hardLines.count ? SegmentIndex.hardLine : SegmentIndex.soft
            for e in [0, l.count - 2] {
                let x = l[e], y = l[e + 1]
                guard let near = index.nearest(x, y, radius: options.snapMetres, excludingLine: Int32(k)) else { continue }
                if near.d > 1e-6 { connectors.append(([x, y, near.px, near.py], kind)) }
            }
        }
        for (c, kind) in connectors { add(c, kind, into: &lines, index: &index) }
        snapped = connectors.count
        self.lines = lines
        self.index = index
    }

    /// GEOS lines of everything so far.
    func geometries() throws(GeometryError) -> [Geometry] {
        var out: [Geometry] = []
        out.reserveCapacity(lines.count)
        for l in lines where l.count >= 4 { out.append(try Geometry.line(l, in: engine.geos)) }
        return out
    }

    /// The jurisdiction holding each face (first containing its inside point), or -1.
    func station(of a: LineArrangement) throws(GeometryError) -> [Int32] { try station(x: a.insideX, y: a.insideY) }

    /// The jurisdiction holding each point (x[i], y[i]) (the first containing it), or -1.
    func station(x xs: [Double], y ys: [Double]) throws(GeometryError) -> [Int32] {
        var out = [Int32](repeating: -1, count: xs.count)
        for f in xs.indices {
            let x = xs[f], y = ys[f]
            guard x.isFinite, y.isFinite else { continue }
            for k in jurisdictionPrepared.indices {
                let b = jurisdictionBounds[k]
                guard x >= b.minX, x <= b.maxX, y >= b.minY, y <= b.maxY else { continue }
                if try jurisdictionPrepared[k].contains(x: x, y: y) {
                    out[f] = Int32(k)
                    break
                }
            }
        }
        return out
    }

    /// True for faces of a jurisdiction inside a hard area.
    func isWater(_ a: LineArrangement, station: [Int32]) throws(GeometryError) -> [Bool] {
        var out = [Bool](repeating: false, count: a.count)
        for f in 0..<a.count where station[f] >= 0 {
            let x = a.insideX[f], y = a.insideY[f]
            for k in water.indices {
                let b = waterBounds[k]
                guard x >= b.minX, x <= b.maxX, y >= b.minY, y <= b.maxY else { continue }
                if try water[k].contains(x: x, y: y) {
                    out[f] = true
                    break
                }
            }
        }
        return out
    }

    /// The kinds of input lines each segment lies on (bit-or of `SegmentIndex` kinds; 0 for the cuts through split blocks).
    func kinds(_ a: LineArrangement) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: a.segmentCount)
        for s in 0..<a.segmentCount {
            out[s] = index.kinds(nearX: (a.ax[s] + a.bx[s]) / 2, y: (a.ay[s] + a.by[s]) / 2, tolerance: 0.01)
        }
        return out
    }
}
