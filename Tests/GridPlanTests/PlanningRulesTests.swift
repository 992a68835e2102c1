import GridIO
import Testing

@testable import GridPlan

/// The planning rules that sit between the inputs and the optimizer.
struct PlanningRulesTests {
    @Test("largest remainder gives every jurisdiction at least one grid and hands out exactly K")
    func apportionmentTotals() {
        var rng = TestRandom(seed: 3)
        for _ in 0..<300 {
            let n = 1 + Int(rng.next() % 8)
            let weights = (0..<n).map { _ in Double(rng.next() % 1000) }
            let k = n + Int(rng.next() % 50)
            let counts = GridApportionment.largestRemainder(total: k, weights: weights)
            #expect(counts.reduce(0, +) == k)
            #expect(counts.allSatisfy { $0 >= 1 })
        }
    }

    @Test("largest remainder follows the quotas: 60 grids by 50/30/20 is 30/18/12")
    func apportionmentQuota() {
        #expect(GridApportionment.largestRemainder(total: 60, weights: [50, 30, 20]) == [30, 18, 12])
        // Quotas 2.5, 1.5, 1.0 with remainders tied: the lower index wins.
        #expect(GridApportionment.largestRemainder(total: 5, weights: [5, 3, 2]) == [3, 1, 1])
        // A tiny jurisdiction still gets one; the others share the rest.
        #expect(GridApportionment.largestRemainder(total: 10, weights: [1000, 1]) == [9, 1])
        // All weights zero: shared by area.
        #expect(GridApportionment.largestRemainder(total: 4, weights: [0, 0], fallback: [3, 1]) == [3, 1])
    }

    @Test("a target weight gives weight / target grids, rounded, at least one")
    func apportionmentTarget() {
        #expect(GridApportionment.forTarget(400, weights: [4000, 1100, 10]) == [10, 3, 1])
    }

    @Test("grids are numbered per jurisdiction, north to south, west to east")
    func numbering() {
        // Four grids in a 2×2 layout plus one in a second jurisdiction.
        let n = GridNumbering(
            jurisdiction: [0, 0, 0, 0, 1], centroidX: [1000, 0, 1000, 0, 0], centroidY: [0, 0, 1000, 1000, 5000],
            bandHeight: 500)
        #expect(n.ids == ["01004", "01003", "01002", "01001", "02001"])
        #expect(n.order == [3, 2, 1, 0, 4])
    }

    @Test("new grids of a re-balanced bureau map continue their station's own id sequence and never reuse an earlier id")
    func newIDsFollowTheStation() {
        // Station 0 kept 1711, 1722 and 1733 (1734 was dropped); station 1 kept A-07; station 2 kept
        // nothing but has the bureau's code 0405; station 3 neither.
        var n = GridNumbering(
            jurisdiction: [0, 0, 0, 0, 0, 1, 1, 2, 3], centroidX: [0, 1, 2, 3, 4, 0, 1, 0, 0], centroidY: Array(repeating: 0, count: 9),
            bandHeight: 500)
        n.adopt(
            earlier: ["1711", "1722", nil, "1733", nil, "A-07", nil, nil, nil], jurisdiction: [0, 0, 0, 0, 0, 1, 1, 2, 3],
            everyEarlier: ["1711", "1722", "1733", "1734", "A-07", "A-08", "0405001"], stationCode: { $0 == 2 ? "0405" : nil })
        #expect(n.ids == ["1711", "1722", "1735", "1733", "1736", "A-07", "A-09", "0405002", "04001"])
        #expect(IDSequence(kept: ["B12", "x"]) == nil)
    }

    @Test("plan files keep codes as text and resolve paths against the plan's folder")
    func planFileScalars() throws {
        let plan = try PlanFile.parse(
            "boundary: b.geojson\ncode_prefix: 0570\nweight: [population, incidents]\nforce: no\n", path: "plans/x.yml")
        #expect(plan.values("code-prefix") == ["0570"])
        #expect(plan.values("weight") == ["population", "incidents"])
        #expect(plan.values("force") == ["no"])
        #expect(plan.resolvedPath("b.geojson") == "plans/b.geojson")
        #expect(plan.resolvedPath("/abs/b.geojson") == "/abs/b.geojson")
    }

    @Test("a plan file that is not a mapping, or repeats a key, is refused with the line")
    func planFileErrors() {
        #expect(throws: GridIOError.self) { try PlanFile.parse("- a\n- b\n", path: "p.yml") }
        #expect(throws: GridIOError.self) { try PlanFile.parse("grids: 3\ngrids: 4\n", path: "p.yml") }
        #expect(throws: GridIOError.self) { try PlanFile.parse("grids: [1, [2]]\n", path: "p.yml") }
    }

    @Test("locale-free fixed formatting rounds half away from zero and never prints -0")
    func formatting() {
        #expect(Format.fixed(1.25, 1) == "1.3")
        #expect(Format.fixed(-0.0001, 2) == "0.00")
        #expect(Format.fixed(118.8915728, 7) == "118.8915728")
        #expect(Format.fixed(-87.6, 3) == "-87.600")
        #expect(Format.percent(0.0495) == "5.0%")
    }
}

/// SplitMix64 for test data (the stdlib's generator is not seedable).
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
