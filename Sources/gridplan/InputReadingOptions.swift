import ArgumentParser
import GridIO
import GridPlan

/// How the inputs of every command (`partition`, `validate`, `evaluate`) are read: text encoding and
/// coordinate columns of legacy files, and the CRS declared for them (a declaration wins over a file's own).
struct InputReadingOptions: ParsableArguments {
    @Option(help: "Text encoding of DBF and CSV inputs: utf-8, gbk or gb18030 (default: a Shapefile's .cpg, else UTF-8, else GB18030 with a warning).")
    var encoding: String?
    @Option(help: "Column of a points table holding x (longitude or easting), e.g. POINT_X.")
    var xField: String?
    @Option(help: "Column of a points table holding y (latitude or northing), e.g. POINT_Y.")
    var yField: String?
    @Option(help: "Same as --x-field.")
    var lonField: String?
    @Option(help: "Same as --y-field.")
    var latField: String?
    @Option(help: "CRS of the inputs: EPSG:4326, EPSG:4490, EPSG:4549, any PROJ code, gcj02 or bd09.")
    var inputCRS: String?
    @Option(help: "CRS of the boundary file only (overrides --input-crs).")
    var boundaryCRS: String?
    @Option(help: "CRS of the points file only, e.g. gcj02 for points copied from Amap.")
    var pointsCRS: String?
    @Option(help: "CRS of the barrier files only.")
    var barriersCRS: String?

    /// The encoding and coordinate columns as `InputFormatOptions` (layers left empty), plan-file values where the command line is silent.
    func resolve(plan: (String) throws(PlanOptions.Failure) -> String?) throws(PlanOptions.Failure) -> InputFormatOptions {
        var f = InputFormatOptions()
        func value(_ cli: String?, _ alias: String?, _ keys: [String]) throws(PlanOptions.Failure) -> String? {
            if let cli { return cli }
            if let alias { return alias }
            for k in keys {
                if let v = try plan(k) { return v }
            }
            return nil
        }
        if let name = try value(encoding, nil, ["encoding"]) {
            guard let e = TextEncoding(name: name) else {
                throw PlanOptions.Failure(message: "--encoding takes \(TextEncoding.namesText) (got \(name))", exitCode: ExitStatus.usage)
            }
            f.encoding = e
        }
        f.xField = try value(xField, lonField, ["x-field", "lon-field"])
        f.yField = try value(yField, latField, ["y-field", "lat-field"])
        if (f.xField == nil) != (f.yField == nil) {
            throw PlanOptions.Failure(
                message: "name both coordinate columns: --x-field and --y-field (or --lon-field and --lat-field)", exitCode: ExitStatus.usage)
        }
        return f
    }
}
