import Foundation

/// Everything `gridplan partition` needs, resolved from the plan file and the command line.
///
/// Paths are as the user gave them (plan-file paths already made relative to the working folder).
public struct PartitionConfig: Sendable {
    public var boundaryPath: String
    /// Property naming sub-jurisdictions (police-station areas); nil = one jurisdiction.
    public var boundaryIdField: String?
    public var pointsPath: String?
    /// Weight fields; the first is balanced within the tolerance. Empty: every point weighs 1.
    public var weightFields: [String] = []
    public var idField: String?
    public var unitsPath: String?
    public var unitIdField: String?
    public var cellSizeMetres: Double?
    public var gridCount: Int?
    public var targetWeight: Double?
    public var toleranceFraction: Double = 0.05
    /// Bands for further weights (`--weight-tolerance NAME=T`, repeatable): each names a `--weight`
    /// field after the first; weights without one are balanced as well as possible.
    public var weightTolerances: [WeightTolerance] = []
    /// Grid ids of the `--previous` map kept exactly as they were (`--lock ID,…`).
    public var lockedGridIDs: [String] = []
    /// Digitising threshold (m²): holes of the station areas' union below it are filled into the station
    /// sharing most boundary, and station overlaps below it are reported in one summary line. 0: none.
    public var fillGapsSquareMetres: Double = 10_000
    /// CRS of all inputs; nil: each file's legacy `crs` member, else EPSG:4326.
    public var inputCRS: String?
    /// Per-file CRS declarations that override `inputCRS` for that file (e.g. GCJ-02 points on a
    /// WGS84 boundary).
    public var boundaryCRS: String?
    public var pointsCRS: String?
    public var unitsCRS: String?
    /// Lines grid edges should follow (`--barriers`, repeatable): units become street blocks.
    public var barrierPaths: [String] = []
    /// Lines or polygons no grid may cross except at a bridge (`--hard-barriers`, repeatable).
    public var hardBarrierPaths: [String] = []
    /// CRS of the barrier files (overrides `inputCRS` for them).
    public var barriersCRS: String?
    /// Metric CRS for geometry; "auto" = UTM zone of the centroid.
    public var workCRS: String = "auto"
    public var previousPath: String?
    /// Property of the `--previous` map naming its grids (e.g. `BEAT_NUM` of a bureau's own map); nil: `grid_id`.
    public var previousIdField: String?
    /// Property of the station areas holding the bureau's own station code, used in `grid_code`.
    public var stationCodeField: String?
    /// Encodings, coordinate columns and layers of the input files.
    public var inputFormat = InputFormatOptions()
    /// Output formats besides report.json/report.html; GeoJSON is always among them unless left out.
    public var outputFormats: [OutputFormat] = [.geoJSON]
    public var centersPath: String?
    public var codePrefix: String?
    public var timeLimitSeconds: Double?
    public var seed: UInt64 = 1
    /// Threads for the optimizer and for reprojecting and writing many points; nil = the machine's
    /// active cores. Outputs never depend on it.
    public var threads: Int?
    public var outputPath: String
    public var force: Bool = false

    public init(boundaryPath: String, outputPath: String) {
        self.boundaryPath = boundaryPath
        self.outputPath = outputPath
    }

    /// `threads`, or the machine's active cores when not given.
    var workerThreads: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// A further weight made a hard band (`--weight-tolerance NAME=T`).
public struct WeightTolerance: Sendable, Equatable {
    /// The `--weight` field it applies to.
    public var name: String
    /// Allowed relative deviation of each grid's total of that weight from its jurisdiction's mean.
    public var fraction: Double

    /// Parses `NAME=T` (e.g. `incidents=0.10`); nil when it is not of that form.
    public init?(parsing text: String) {
        guard let eq = text.lastIndex(of: "=") else { return nil }
        let name = String(text[..<eq])
        guard !name.isEmpty, let t = Double(text[text.index(after: eq)...]), t.isFinite else { return nil }
        self.name = name
        fraction = t
    }
}
