import GridModel

/// Which CRS an input file is in: the declared `--input-crs`, else the file's legacy `crs` member,
/// else EPSG:4326. A declaration that contradicts the file is an error, never a silent override.
///
/// Shared by `partition`, `validate` and `evaluate`.
enum InputCRS {
    static func resolve(
        declared: String?, fileCRS: String?, file: String, warn: (Diagnostic) -> Void
    ) throws(PipelineError) -> String {
        if let declared {
            if let fileCRS, CRSName.canonical(fileCRS) != CRSName.canonical(declared) {
                throw PipelineError.data("\(file): the file declares its CRS as \(fileCRS) but --input-crs says \(declared); remove one of them")
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
