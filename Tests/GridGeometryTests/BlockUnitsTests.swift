import GridModel
import Testing

@testable import GridGeometry

@Suite("street blocks as units") struct BlockUnitsTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    static func line(_ xy: [Double]) -> [Double] {
        xy.enumerated().map { $0.offset % 2 == 0 ? $0.element + Fixtures.x0 : $0.element + Fixtures.y0 }
    }

    /// Two 2 km stations side by side (border x = 2000), streets at x = 1000, 2003 (3 m off the border:
    /// slivers), 3000 (both stop short of the river) and y = 1000, a street ending 0.5 m short of y = 1000 (near-miss), a dangling street,
    /// a river band 1400 ≤ y ≤ 1500 crossed by the x = 1000 street (a bridge), and 400 points heaped in
    /// the south-west block.
    static var town: (stations: [MultiPolygon], barriers: BarrierLayers, x: [Double], y: [Double]) {
        let stations = [
            MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 2_000, 2_000)])),
            MultiPolygon(Polygon(rings: [Fixtures.rect(2_000, 0, 4_000, 2_000)])),
        ]
        var b = BarrierLayers()
        b.soft = [
            line([1_000, -100, 1_000, 2_100]), line([2_003, -100, 2_003, 1_300]), line([3_000, -100, 3_000, 1_300]),
            line([-100, 1_000, 4_100, 1_000]), line([500, -50, 500, 999.5]), line([1_500, 200, 1_500, 600]),
        ]
        b.hardAreas = [MultiPolygon(Polygon(rings: [Fixtures.rect(-100, 1_400, 4_100, 1_500)]))]
        var x: [Double] = [], y: [Double] = []
        for i in 0..<20 {
            for j in 0..<20 {
                x.append(Fixtures.x0 + 600 + Double(i) * 19.5)
                y.append(Fixtures.y0 + 100 + Double(j) * 19.5)
            }
        }
        return (stations, b, x, y)
    }

    func build() throws -> BlockUnits {
        let t = Self.town
        return try engine.blockUnits(
            jurisdictions: t.stations, barriers: t.barriers, pointX: t.x, pointY: t.y, pointWeight: [],
            options: BlockOptions(maxUnitWeight: 20))
    }

    @Test("block areas add up to the station areas and every block is a valid polygon")
    func areasAndValidity() throws {
        let b = try build()
        var sum = [0.0, 0.0]
        for u in 0..<b.units.count {
            sum[Int(b.units.jurisdiction[u])] += b.units.area[u]
            let g = try engine.geometry(b.units.shapes[u])
            #expect(try g.isValid(), "unit \(b.units.names[u]) is valid")
            #expect(b.units.shapes[u].polygons.count == 1, "unit \(b.units.names[u]) is one polygon")
        }
        #expect(abs(sum[0] - 4e6) <= 1e-6 * 4e6)
        #expect(abs(sum[1] - 4e6) <= 1e-6 * 4e6)
    }

    @Test("adjacency is symmetric and the contacts equal the shared boundaries recomputed with GEOS")
    func adjacencyExact() throws {
        let b = try build()
        let u = b.units
        for a in 0..<u.count {
            for e in Int(u.offsets[a])..<Int(u.offsets[a + 1]) {
                let v = Int(u.neighbors[e])
                let back = Array(u.neighbors(of: v)).firstIndex(of: Int32(a))
                #expect(back != nil, "edge \(a)–\(v) is symmetric")
                if let back { #expect(u.sharedLength[Int(u.offsets[v]) + back] == u.sharedLength[e]) }
                #expect(u.jurisdiction[a] == u.jurisdiction[v])
            }
        }
        let boundaries = try (0..<u.count).map { try engine.geometry(u.shapes[$0]).boundary() }
        for a in 0..<u.count {
            for v in (a + 1)..<u.count where u.jurisdiction[a] == u.jurisdiction[v] {
                let l = try boundaries[a].intersection(boundaries[v]).length()
                let r = Int(b.contactOffsets[a])..<Int(b.contactOffsets[a + 1])
                let stored = r.first { b.contactNeighbors[$0] == Int32(v) }.map { b.contactLength[$0] } ?? 0
                #expect(abs(l - stored) <= 1e-6, "contact \(u.names[a])–\(u.names[v]): GEOS \(l), stored \(stored)")
            }
        }
    }

    @Test("slivers along the border are merged, the near-miss is snapped, heavy blocks are split")
    func sliversSnapsAndSplits() throws {
        let b = try build()
        #expect(b.report.snappedEnds == 1)
        #expect(b.report.sliversMerged >= 1)
        #expect(b.report.heavyBlocks == 1)
        let land = (0..<b.units.count).filter { !b.isWater[$0] }
        #expect(land.allSatisfy { b.units.area[$0] >= 100 })
        // The 3 m strip between the border and the street at x = 2003 belongs to a bigger block.
        #expect(land.allSatisfy { 2 * b.units.area[$0] / b.units.perimeter[$0] >= 5 })
        let t = Self.town
        let assignment = try engine.assignPoints(x: t.x, y: t.y, units: b.units, lattice: nil)
        var w = [Double](repeating: 0, count: b.units.count)
        for p in assignment where p >= 0 { w[Int(p)] += 1 }
        #expect(w.allSatisfy { $0 <= 20 }, "no piece above the limit: \(w.max() ?? 0)")
        #expect(assignment.allSatisfy { $0 >= 0 })
    }

    @Test("water away from bridges links to one land unit; the banks meet only through the water under the bridge")
    func waterAndBridges() throws {
        let b = try build()
        let u = b.units
        let y = Fixtures.y0, x = Fixtures.x0
        #expect(b.report.waterUnits >= 3)
        #expect(b.report.bridgeLinks > 0)
        for w in 0..<u.count where b.isWater[w] {
            // Water pieces between the border and x = 1000 or east of it are not under the bridge's ends…
            let underBridge = u.neighbors(of: w).count > 1
            if underBridge {
                #expect(u.neighbors(of: w).allSatisfy { !b.isWater[Int($0)] })
            } else {
                #expect(u.neighbors(of: w).count == 1, "water unit \(u.names[w]) has one host")
            }
        }
        #expect((0..<u.count).contains { b.isWater[$0] && u.neighbors(of: $0).count > 1 && u.jurisdiction[$0] == 0 })
        for a in 0..<u.count where !b.isWater[a] {
            for e in Int(u.offsets[a])..<Int(u.offsets[a + 1]) {
                #expect(u.sharedLength[e] > 0, "every link shares boundary")
                let v = Int(u.neighbors[e])
                guard !b.isWater[v] else { continue }
                #expect((u.centroidY[a] < y + 1_400) == (u.centroidY[Int(v)] < y + 1_400), "no land link across the river")
            }
        }
        // Station 1 (x ≥ 2000) has no bridge: its two banks are not connected.
        var seen = Set<Int>()
        var stack = (0..<u.count).filter { u.jurisdiction[$0] == 1 && !b.isWater[$0] && u.centroidY[$0] < y + 1_000 }.prefix(1).map { $0 }
        while let a = stack.popLast() {
            guard seen.insert(a).inserted else { continue }
            for v in u.neighbors(of: a) { stack.append(Int(v)) }
        }
        #expect(!seen.contains { !b.isWater[$0] && u.centroidY[$0] > y + 1_500 && u.centroidX[$0] > x + 2_000 })
        // Station 0 (the bridge at x = 1000): the north bank is reached from the south through the water.
        seen = []
        stack = (0..<u.count).filter { u.jurisdiction[$0] == 0 && !b.isWater[$0] && u.centroidY[$0] < y + 1_000 }.prefix(1).map { $0 }
        while let a = stack.popLast() {
            guard seen.insert(a).inserted else { continue }
            for v in u.neighbors(of: a) { stack.append(Int(v)) }
        }
        #expect(seen.contains { !b.isWater[$0] && u.centroidY[$0] > y + 1_500 })
    }

    @Test("units across a hard line are linked only where a street crosses it, not where a street ends at it")
    func hardLineBridges() throws {
        // One 2 km station; a fenced expressway (hard line) at y = 1000; a street crossing it at x = 1000; a
        // street ending on it from the south at x = 500 and one ending 0.5 m short of it at x = 1500 (joined).
        var b = BarrierLayers()
        b.hardLines = [Self.line([-100, 1_000, 2_100, 1_000])]
        b.soft = [Self.line([1_000, -100, 1_000, 2_100]), Self.line([500, -100, 500, 1_000]), Self.line([1_500, -100, 1_500, 999.5])]
        let blocks = try engine.blockUnits(
            jurisdictions: [MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 2_000, 2_000)]))], barriers: b, pointX: [],
            pointY: [], pointWeight: [], options: BlockOptions())
        let u = blocks.units
        #expect(u.count == 6, "4 blocks south, 2 north: \(u.names)")
        let north = { (k: Int) -> Bool in u.centroidY[k] > Fixtures.y0 + 1_000 }
        var across: [(Double, Double)] = []
        for a in 0..<u.count where !north(a) {
            for v in u.neighbors(of: a) where north(Int(v)) {
                across.append((u.centroidX[a] - Fixtures.x0, u.centroidX[Int(v)] - Fixtures.x0))
            }
        }
        across.sort { $0 < $1 }
        // South blocks centred at x = 750 and 1250 touch the crossing; each links to the north block on its side.
        #expect(across.count == 2, "links across the hard line: \(across)")
        #expect(across.map(\.0) == [750, 1_250])
        #expect(across.map(\.1) == [500, 1_500])
        #expect(blocks.report.bridgeLinks == 2)
        // The crossing units share 500 m of the hard line each: a grid across the bridge is one polygon.
        for a in 0..<u.count {
            for e in Int(u.offsets[a])..<Int(u.offsets[a + 1]) { #expect(u.sharedLength[e] > 0) }
        }
    }

    @Test("a sliver of land cut off between water and the border joins the water instead of being an island unit")
    func sliverBetweenWaterAndBorder() throws {
        // A lake up to 2 m short of the station's north border leaves a 2 m strip of land touching only the
        // lake and the border.
        var b = BarrierLayers()
        b.soft = [Self.line([500, -100, 500, 400])]
        b.hardAreas = [MultiPolygon(Polygon(rings: [Fixtures.rect(-100, 500, 1_100, 998)]))]
        let blocks = try engine.blockUnits(
            jurisdictions: [MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 1_000, 1_000)]))], barriers: b, pointX: [],
            pointY: [], pointWeight: [], options: BlockOptions())
        let u = blocks.units
        for k in 0..<u.count where !blocks.isWater[k] {
            #expect(!u.neighbors(of: k).isEmpty, "land unit \(u.names[k]) has a neighbour")
        }
        let water = (0..<u.count).filter { blocks.isWater[$0] }.reduce(0.0) { $0 + u.area[$1] }
        #expect(abs(water - 1_000 * 500) < 1, "the lake and the strip: \(water) m²")
        #expect(blocks.report.sliversMerged >= 1)
    }

    @Test("the strip between a divided road's two carriageways joins a block; a narrow real block stays one")
    func dividedRoadStrip() throws {
        // A 1 km square station crossed north–south by a divided road (carriageways at x = 400 and 415: a
        // 15 m strip) and by a single street at x = 800, 45 m from a street at x = 845 (a 45 m block).
        var b = BarrierLayers()
        b.soft = [
            Self.line([400, -100, 400, 1_100]), Self.line([415, -100, 415, 1_100]),
            Self.line([800, -100, 800, 1_100]), Self.line([845, -100, 845, 1_100]),
        ]
        // Points on a 5 m grid inside the strip (incidents on the road), one in each other face.
        var x: [Double] = [], y: [Double] = []
        for i in 0..<2 {
            for j in 0..<199 {
                x.append(Fixtures.x0 + 405 + Double(i) * 5)
                y.append(Fixtures.y0 + 5 + Double(j) * 5)
            }
        }
        for px in [200.0, 600, 820, 900] {
            x.append(Fixtures.x0 + px)
            y.append(Fixtures.y0 + 500)
        }
        let blocks = try engine.blockUnits(
            jurisdictions: [MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 1_000, 1_000)]))], barriers: b, pointX: x,
            pointY: y, pointWeight: [], options: BlockOptions())
        let u = blocks.units
        // Five faces; the strip joins the block on one side of the road: four blocks, the 45 m block among them.
        #expect(blocks.report.rawFaces == 5)
        #expect(blocks.report.sliversMerged == 1)
        #expect(u.count == 4)
        #expect(u.area.contains { abs($0 - 45_000) < 1 }, "areas \(u.area)")
        #expect(u.area.allSatisfy { abs($0 - 15_000) > 1 }, "no unit is the strip alone: \(u.area)")
        #expect(abs(u.area.reduce(0, +) - 1e6) < 1)
        // Every point, the strip's included, lies in a unit.
        let assignment = try engine.assignPoints(x: x, y: y, units: u, lattice: nil)
        #expect(assignment.allSatisfy { $0 >= 0 })
        let blockOfRoad = Set(assignment.prefix(398))
        #expect(blockOfRoad.count == 1, "the strip's points lie in one block: \(blockOfRoad)")
        if let k = blockOfRoad.first { #expect(abs(u.area[Int(k)] - 415_000) < 1 || abs(u.area[Int(k)] - 400_000) < 1) }
    }

    @Test("the pieces of a block heavier than a grid carry the id of their part of one grid's weight, other blocks one id each")
    func partIDs() throws {
        let t = Self.town
        // The 400 heaped points at a grid weight of 150: the south-west block holds 2.67 grids' weight.
        let b = try engine.blockUnits(
            jurisdictions: t.stations, barriers: t.barriers, pointX: t.x, pointY: t.y, pointWeight: [],
            options: BlockOptions(maxUnitWeight: 20, gridWeight: 150))
        let u = b.units
        var idWeight: [Int32: Double] = [:]
        var idNames: [Int32: Set<String>] = [:]
        let placed = try engine.assignPoints(x: t.x, y: t.y, units: u, lattice: nil)
        for k in placed where k >= 0 { idWeight[b.block[Int(k)], default: 0] += 1 }
        for k in 0..<u.count { idNames[b.block[k], default: []].insert(String(u.names[k].prefix { $0 != "_" })) }
        let heavy = idWeight.filter { $0.value > 0 }.map(\.value).sorted()
        #expect(heavy.count == 3, "parts \(heavy)")
        #expect(heavy.allSatisfy { $0 <= 150 * 1.0001 })
        #expect(heavy.reduce(0, +) == 400)
        // Every id lies in one block; ids are numbered in order of their first unit.
        #expect(idNames.values.allSatisfy { $0.count == 1 })
        var firstSeen: [Int32] = []
        for id in b.block where !firstSeen.contains(id) { firstSeen.append(id) }
        #expect(firstSeen == (0..<Int32(firstSeen.count)).map { $0 })
    }

    @Test("the same input gives the same blocks")
    func deterministic() throws {
        let a = try build(), b = try build()
        #expect(a.units.shapes == b.units.shapes)
        #expect(a.units.names == b.units.names)
        #expect(a.units.neighbors == b.units.neighbors)
        #expect(a.units.sharedLength == b.units.sharedLength)
        #expect(a.barrierLength == b.barrierLength)
        #expect(a.report == b.report)
    }

    @Test("every edge's metres off the barrier lines are its length less its metres on them, never negative")
    func offBarrier() throws {
        let b = try build()
        let off = b.offBarrierLength
        #expect(off.count == b.units.sharedLength.count)
        for e in off.indices {
            #expect(abs(off[e] - max(0, b.units.sharedLength[e] - b.barrierLength[e])) < 1e-9)
            #expect(off[e] >= 0 && off[e] <= b.units.sharedLength[e] + 1e-9)
        }
        #expect(off.contains { $0 > 0 } && off.contains { $0 == 0 }, "edges on the lines and edges through split blocks")
    }
}

@Suite("straight cuts through heavy blocks") struct BlockSplitTests {
    /// 20 × 20 points of weight 1 on a 10 m grid in a 200 m square.
    static let square: (x: [Double], y: [Double]) = {
        var x: [Double] = [], y: [Double] = []
        for i in 0..<20 {
            for j in 0..<20 {
                x.append(5 + Double(i) * 10)
                y.append(5 + Double(j) * 10)
            }
        }
        return (x, y)
    }()

    @Test("a block is cut into as few pieces as its weight needs when the points allow it, each at most the limit")
    func fewestPieces() {
        let (x, y) = Self.square
        for (limit, expected) in [(100.0, 4), (130.0, 4), (200.0, 2), (399.0, 2), (400.0, 1)] {
            let s = BlockSplit(
                bounds: (0, 0, 200, 200), x: x, y: y, w: Array(repeating: 1, count: x.count), limit: limit, minCell: 1)
            #expect(Int(s.leafCount) == expected, "limit \(limit): \(s.leafCount) pieces")
            #expect(s.cuts.count == expected - 1)
            var w = [Double](repeating: 0, count: Int(s.leafCount))
            for p in x.indices { w[Int(s.leaf(x[p], y[p]))] += 1 }
            #expect(w.allSatisfy { $0 <= limit }, "limit \(limit): pieces \(w)")
        }
        // 20 pieces of 20 would need cuts between rows and columns at once: no piece above 20, and not many more.
        let s = BlockSplit(bounds: (0, 0, 200, 200), x: x, y: y, w: Array(repeating: 1, count: x.count), limit: 20, minCell: 1)
        var w = [Double](repeating: 0, count: Int(s.leafCount))
        for p in x.indices { w[Int(s.leaf(x[p], y[p]))] += 1 }
        #expect(w.allSatisfy { $0 <= 20 && $0 > 0 }, "pieces \(w)")
        #expect(s.leafCount >= 20 && s.leafCount <= 30)
    }

    @Test("every cut runs straight across its piece, never through a point")
    func straightCuts() {
        let (x, y) = Self.square
        let s = BlockSplit(bounds: (0, 0, 200, 200), x: x, y: y, w: Array(repeating: 1, count: x.count), limit: 30, minCell: 1)
        for c in s.cuts {
            #expect(c[0] == c[2] || c[1] == c[3], "axis-parallel: \(c)")
            let vertical = c[0] == c[2]
            #expect(x.indices.allSatisfy { vertical ? x[$0] != c[0] : y[$0] != c[1] })
        }
    }

    @Test("a pile of points at one place, or a piece narrower than twice the smallest cell, is not cut")
    func limits() {
        let pile = BlockSplit(
            bounds: (0, 0, 200, 200), x: Array(repeating: 50, count: 50), y: Array(repeating: 60, count: 50),
            w: Array(repeating: 1, count: 50), limit: 10, minCell: 1)
        #expect(pile.leafCount == 1)
        let (x, y) = Self.square
        let narrow = BlockSplit(
            bounds: (0, 0, 200, 200), x: x, y: y, w: Array(repeating: 1, count: x.count), limit: 1, minCell: 60)
        // Sides 200 → 100 (a cut each way) → 100 < 120: no further cut.
        #expect(narrow.leafCount == 4)
    }
    @Test("a block heavier than a grid falls into parts of one grid's weight and a remainder, each bounded by straight cuts")
    func gridParts() {
        let (x, y) = Self.square
        // 400 points, a grid of 186 (2.15 grids), pieces of at most 10.
        let s = BlockSplit(
            bounds: (0, 0, 200, 200), x: x, y: y, w: Array(repeating: 1, count: x.count), limit: 10, minCell: 1, grid: 186)
        #expect(s.partCount >= 3 && s.partCount <= 4)
        var partWeight = [Double](repeating: 0, count: Int(s.partCount))
        var pieceWeight = [Double](repeating: 0, count: Int(s.leafCount))
        for p in x.indices {
            let leaf = s.leaf(x[p], y[p])
            partWeight[Int(s.leafPart[Int(leaf)])] += 1
            pieceWeight[Int(leaf)] += 1
        }
        // Cuts fall between rows of points, as near to 186 as they come: two parts of nearly a grid, the rest
        // in one or two small ones (a part that came out a few points over a grid is cut once more).
        #expect(partWeight.allSatisfy { $0 <= 186 }, "parts \(partWeight)")
        #expect(partWeight.filter { $0 >= 0.9 * 186 }.count == 2, "parts \(partWeight)")
        #expect(pieceWeight.allSatisfy { $0 <= 10 })
        // Without a grid weight the block is one part.
        let whole = BlockSplit(bounds: (0, 0, 200, 200), x: x, y: y, w: Array(repeating: 1, count: x.count), limit: 10, minCell: 1)
        #expect(whole.partCount == 1 && whole.leafPart.allSatisfy { $0 == 0 })
    }
}
