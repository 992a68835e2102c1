import GridGeometry
import GridIO
import GridModel

/// Barrier files (`--barriers`, `--hard-barriers`) into the work CRS: lines and polygons in metres.
enum BarrierProjection {
    /// Soft files give soft lines (a polygon's rings count as lines); hard files give hard lines and hard
    /// areas (polygons, e.g. water, repaired like every polygon input).
    /// - Throws: `PipelineError` naming the file and feature of a coordinate out of range, or a file without
    ///   any line or polygon.
    static func project<C>(_ files: [BarrierFile], workCRS: String, context: StageContext<C>) throws(PipelineError)
        -> BarrierLayers
    {
        var layers = BarrierLayers()
        for file in files {
            var lines: [[Double]] = []
            var areas = 0
            for f in file.features {
                guard let g = f.geometry else { continue }
                if let ls = g.lines {
                    for l in ls {
                        if CRSName.isGeographic(file.crs) {
                            for i in stride(from: 0, to: l.count, by: 2) where !(abs(l[i]) <= 180 && abs(l[i + 1]) <= 90) {
                                throw PipelineError.data(
                                    "\(file.path): coordinate (\(l[i]), \(l[i + 1])) is not a longitude/latitude in \(file.crs) (feature \(f.index), line \(f.line))"
                                )
                            }
                        }
                        lines.append(l)
                    }
                } else if let m = g.multiPolygon {
                    try CoordinateCheck.checkShape(m, crs: file.crs, file: file.path, feature: f.index)
                    let shape = try context.project(m, from: file.crs, to: workCRS, file: file.path, feature: f.index)
                    areas += 1
                    if file.hard {
                        layers.hardAreas.append(shape)
                    } else {
                        for p in shape.polygons { layers.soft += p.rings }
                    }
                } else {
                    throw PipelineError.data(
                        "\(file.path): feature \(f.index) is a point; barriers are lines or polygons (line \(f.line))")
                }
            }
            if lines.isEmpty && areas == 0 { throw PipelineError.data("\(file.path): no lines or polygons") }
            // All lines of the file in one PROJ call.
            var x: [Double] = [], y: [Double] = []
            for l in lines {
                for i in stride(from: 0, to: l.count, by: 2) {
                    x.append(l[i])
                    y.append(l[i + 1])
                }
            }
            try context.geometry(file.path) { () throws(GeometryError) in
                try context.engine.transform(x: &x, y: &y, from: file.crs, to: workCRS)
            }
            var k = 0
            for l in lines {
                var out = [Double](repeating: 0, count: l.count)
                for i in 0..<(l.count / 2) {
                    out[2 * i] = x[k]
                    out[2 * i + 1] = y[k]
                    k += 1
                }
                if file.hard { layers.hardLines.append(out) } else { layers.soft.append(out) }
            }
        }
        return layers
    }
}

extension BarrierFile {
    /// Reads barrier files with the strict line reader, each with its reader warnings and settled CRS
    /// (`declaredCRS`, else the file's legacy `crs` member, else EPSG:4326).
    static func read<C>(_ paths: [(path: String, hard: Bool)], declaredCRS: String?, stage: String, context: StageContext<C>)
        throws(PipelineError) -> [BarrierFile]
    {
        var out: [BarrierFile] = []
        for (path, hard) in paths {
            context.announce(stage, "reading \(path)")
            let doc: GeoJSONDocument
            do throws(GridIOError) {
                doc = try GeoJSONReader.readLines(path: path)
            } catch {
                throw .input(error)
            }
            for d in doc.diagnostics { context.warn(d) }
            let crs = try context.resolveCRS(declared: declaredCRS, fileCRS: doc.crs, file: path)
            out.append(BarrierFile(path: path, hard: hard, features: doc.features, crs: crs))
        }
        return out
    }
}
