import GridModel

/// Which CRS an input file is in: the declared `--input-crs` (or per-file option), else the file's own
/// (a GeoJSON legacy `crs` member, a Shapefile's `.prj`, a layer's SRS), else EPSG:4326. A declaration
/// wins over a file that says otherwise, as GDAL's `-s_srs` does, with a warning `CRS_OVERRIDDEN`
/// naming both: GCJ-02 data exported by GIS tools is labelled WGS84 because no tool knows GCJ-02.
///
/// Shared by `partition`, `validate` and `evaluate`.
enum InputCRS {
    static func resolve(
        declared: String?, fileCRS: String?, file: String, warn: (Diagnostic) -> Void
    ) throws(PipelineError) -> String {
        if let declared {
            if let fileCRS, CRSName.canonical(fileCRS) != CRSName.canonical(declared) {
                let shown = fileCRS.count > 60 ? String(fileCRS.prefix(60)) + "…" : fileCRS
                warn(
                    Diagnostic(
                        code: .crsOverridden, file: file,
                        message: "the file declares its CRS as \(shown); read as \(declared), as declared on the command line"))
            }
            return CRSName.canonical(declared)
        }
        if let fileCRS {
            let c = CRSName.canonical(fileCRS)
            if c != "EPSG:4326" {
                let shown = fileCRS.count > 60 ? String(fileCRS.prefix(60)) + "…" : fileCRS
                warn(Diagnostic(code: .crsFromFile, file: file, message: "coordinates read as \(shown), from the file's own CRS"))
            }
            return c
        }
        return "EPSG:4326"
    }
}
