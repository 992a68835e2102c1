import GridModel

/// Which CRS an input file is in: the declaration on the command line (`--boundary-crs` and the like,
/// else `--input-crs`), else the file's legacy `crs` member, else EPSG:4326.
///
/// A declaration wins over the file's member, as GDAL's `-s_srs` does: GCJ-02 data exported by QGIS or
/// GDAL is labelled CRS84 because no GIS tool knows GCJ-02. When they differ, `CRS_OVERRIDDEN` names both.
///
/// Shared by `partition`, `validate` and `evaluate`.
enum InputCRS {
    static func resolve(
        declared: String?, fileCRS: String?, file: String, warn: (Diagnostic) -> Void
    ) throws(PipelineError) -> String {
        if let declared {
            if let fileCRS, CRSName.canonical(fileCRS) != CRSName.canonical(declared) {
                warn(
                    Diagnostic(
                        code: .crsOverridden, file: file,
                        message: "the file says its CRS is \(fileCRS); read as \(declared), as declared on the command line"))
            }
            return CRSName.canonical(declared)
        }
        if let fileCRS {
            let c = CRSName.canonical(fileCRS)
            if c != "EPSG:4326" {
                warn(Diagnostic(code: .crsFromFile, file: file, message: "coordinates read as \(fileCRS), from the file's crs member"))
            }
            return c
        }
        return "EPSG:4326"
    }
}
