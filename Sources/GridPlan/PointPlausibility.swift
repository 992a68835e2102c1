import GridGeometry
import GridModel

/// Checks that suggest a fix (never apply one): points shifted by GCJ-02 against a WGS84 boundary,
/// swapped longitude/latitude, points far from the boundary, DataV/Amap outlines. Repeated records are
/// reported by `PointInput` (`PointDuplicates`) and kept.
struct PointPlausibility {
    /// The projected inputs (points, jurisdictions, the CRSs they were read in).
    let points: ProjectedInputs
    let units: BuiltUnits
    let engine: GeometryEngine
    let boundaryPath: String

    /// Suggestions about points outside the boundary: GCJ-02 shift, swapped axes, far away.
    /// `pointUnit` is nil for excluded points; the CRSs are
    /// those the read stage settled.
    /// - Complexity: one transform and point placement of the outside points plus ≤ 5000 inside ones.
    func outsideSuggestions(pointUnit: [UnitID?]) -> [Diagnostic] {
        let p = points
        var outside: [Int] = []
        var inside: [Int] = []
        for i in 0..<pointUnit.count {
            if pointUnit[i] == nil { outside.append(i) } else { inside.append(i) }
        }
        guard !outside.isEmpty else { return [] }
        let stride = max(1, inside.count / 5000)
        let insideSample = Swift.stride(from: 0, to: inside.count, by: stride).map { inside[$0] }
        let file = p.pointsFile.path
        var found: [Diagnostic] = []
        let wgs84Like =
            ["EPSG:4326", "EPSG:4490"].contains(CRSName.canonical(p.pointsCRS))
            && ["EPSG:4326", "EPSG:4490"].contains(CRSName.canonical(p.boundaryCRS))
        if wgs84Like && outside.count >= 3 {
            let asGCJ = rescued(outside, insideSample, stride: stride) { GCJ02.toWGS84(lon: $0, lat: $1) }
            let boundaryGCJ = rescued(outside, insideSample, stride: stride) { GCJ02.fromWGS84(lon: $0, lat: $1) }
            if let n = asGCJ, n >= max(3, outside.count / 2) {
                found.append(
                    Diagnostic(
                        code: .crsSuspectGCJ02, file: file,
                        message:
                            "\(n) of the \(outside.count) points outside the boundary fall inside once read as GCJ-02 (Amap/Tencent, ~500 m shift): if the points come from a Chinese web map, declare --points-crs gcj02 (it converts this file only); nothing was changed",
                        count: n))
            } else if let n = boundaryGCJ, n >= max(3, outside.count / 2) {
                found.append(
                    Diagnostic(
                        code: .crsSuspectGCJ02, file: boundaryPath,
                        message:
                            "\(n) of the \(outside.count) points outside the boundary fall inside if the boundary is GCJ-02 (DataV/Amap outlines are ~500 m off WGS84): declare --boundary-crs gcj02 (it converts this file only); nothing was changed",
                        count: n))
            }
        }
        if CRSName.isGeographic(p.pointsCRS), outside.count >= 3, outside.count * 2 > pointUnit.count,
            let n = rescued(outside, insideSample, stride: stride, { ($1, $0) }), n * 2 >= outside.count
        {
            found.append(
                Diagnostic(
                    code: .coordinatesSwappedSuspect, file: file,
                    message:
                        "\(n) of the \(outside.count) points outside the boundary fall inside with longitude and latitude swapped: the file must hold longitude first (x = lon, y = lat); nothing was changed",
                    count: n))
        }
        if let far = farPoints(outside, beyondMetres: 10_000), far.count > 0 {
            found.append(
                Diagnostic(
                    code: .pointFarFromBoundary, file: file, location: "first at \(p.pointsFile.location(of: far.first))",
                    message:
                        "\(far.count) point(s) lie more than 10 km beyond the boundary's extent: a different area, or a wrong --input-crs?",
                    count: far.count))
        }
        return found
    }

    /// How many `outside` points land inside after `move` (lon/lat → lon/lat), net of the sampled
    /// inside points it pushes out (scaled by `stride`); nil when the transform fails.
    private func rescued(
        _ outside: [Int], _ inside: [Int], stride: Int, _ move: (Double, Double) -> (Double, Double)
    ) -> Int? {
        let p = points
        let all = outside + inside
        var x = all.map { p.points.x[$0] }, y = all.map { p.points.y[$0] }
        do throws(GeometryError) {
            try engine.transform(x: &x, y: &y, from: p.workCRS, to: "EPSG:4326")
            for k in x.indices {
                let (lon, lat) = move(x[k], y[k])
                x[k] = lon
                y[k] = lat
            }
            guard x.allSatisfy({ abs($0) <= 180 }), y.allSatisfy({ abs($0) <= 90 }) else { return 0 }
            try engine.transform(x: &x, y: &y, from: "EPSG:4326", to: p.workCRS)
            let placed = try engine.assignPoints(x: x, y: y, units: units.set, lattice: units.lattice)
            var gained = 0, lost = 0
            for k in placed.indices {
                if k < outside.count { if placed[k] >= 0 { gained += 1 } } else if placed[k] < 0 { lost += 1 }
            }
            return max(0, gained - lost * stride)
        } catch {
            return nil
        }
    }

    /// Outside points more than `beyondMetres` from the bounding box of all jurisdictions.
    private func farPoints(_ outside: [Int], beyondMetres d: Double) -> (count: Int, first: Int)? {
        guard let box = BoundingBox(exteriorsOf: points.jurisdictions) else { return nil }
        var count = 0, first = -1
        for i in outside where !box.contains(x: points.points.x[i], y: points.points.y[i], margin: d) {
            count += 1
            if first < 0 { first = i }
        }
        return (count, first)
    }

    /// A boundary with `adcode` properties (Chinese administrative codes, as in DataV GeoAtlas and
    /// Amap downloads) read as WGS84 is most likely GCJ-02: say so, change nothing.
    static func checkBoundaryOrigin(_ features: [Feature], crs: String, file: String, warn: (Diagnostic) -> Void) {
        guard ["EPSG:4326", "EPSG:4490"].contains(CRSName.canonical(crs)) else { return }
        let withCode = features.filter { f in
            guard let v = f[property: "adcode"]?.text, v.count == 6, v.allSatisfy(\.isNumber) else { return false }
            return f.geometry != nil
        }
        guard !withCode.isEmpty, withCode.count * 2 >= features.count else { return }
        warn(
            Diagnostic(
                code: .crsSuspectGCJ02, file: file,
                message:
                    "\(withCode.count) feature(s) carry Chinese adcode properties as DataV/Amap outlines do, and those are GCJ-02 (~500 m off WGS84): if the boundary came from DataV or Amap, declare --boundary-crs gcj02 (it converts this file only); nothing was changed",
                count: withCode.count))
    }
}
