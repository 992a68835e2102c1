import GridIO
import GridPlan

/// Merges a plan file and the command line into a `PartitionConfig` (the command line wins).
enum PlanOptions {
    struct Failure: Error {
        var message: String
        var exitCode: Int32
    }

    static let knownKeys: Set<String> = [
        "boundary", "boundary-id", "points", "weight", "id-field", "units", "unit-id", "cell-size", "grids", "target",
        "tolerance", "input-crs", "boundary-crs", "points-crs", "units-crs", "work-crs", "fill-gaps", "code-prefix", "time-limit", "seed", "threads",
        "out", "force", "previous", "centers", "previous-id", "station-code", "boundary-layer", "points-layer", "units-layer",
        "centers-layer", "previous-layer", "encoding", "x-field", "y-field", "lon-field", "lat-field", "format",
        "barriers", "hard-barriers", "barriers-crs", "weight-tolerance", "lock",
    ]
    /// The known key nearest to a misspelt `key` (at most two letters added, dropped, changed or
    /// swapped, and fewer than half of it), ties to the alphabetically first; nil when none is that near.
    static func nearestKey(to key: String) -> String? {
        let typed = Array(key)
        var best: (distance: Int, key: String)?
        for known in knownKeys.sorted() {
            let d = editDistance(typed, Array(known))
            guard d <= 2, 2 * d < typed.count, d < (best?.distance ?? 3) else { continue }
            best = (d, known)
        }
        return best?.key
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    static let pathKeys: Set<String> = ["boundary", "points", "units", "out", "previous", "centers", "barriers", "hard-barriers"]

    /// - Parameters:
    ///   - out: `--out` from the command line; `nil` with `requiresOut` false (validate) gives an empty output path.
    static func resolve(
        _ c: PartitionOptions, out cliOut: String?, force cliForce: Bool, format cliFormat: String? = nil, requiresOut: Bool = true
    ) throws(Failure) -> PartitionConfig {
        let values = try PlanValues(path: c.plan)
        let plan = values.entries
        func single(_ key: String) throws(Failure) -> String? { try values.single(key) }
        func pick(_ cli: String?, _ key: String) throws(Failure) -> String? {
            if let cli { return cli }
            return try values.single(key)
        }
        func number(_ key: String, _ cli: Double?) throws(Failure) -> Double? { try values.number(key, cli) }
        guard let boundary = try pick(c.boundary, "boundary") else {
            throw Failure(message: "--boundary is required (or boundary: in a plan file)", exitCode: ExitStatus.usage)
        }
        let out = try pick(cliOut, "out") ?? ""
        if requiresOut && out.isEmpty {
            throw Failure(message: "--out is required (or out: in a plan file)", exitCode: ExitStatus.usage)
        }
        var config = PartitionConfig(boundaryPath: boundary, outputPath: out)
        config.boundaryIdField = try pick(c.boundaryID, "boundary-id")
        config.pointsPath = try pick(c.points, "points")
        config.weightFields = c.weight.isEmpty ? (plan["weight"] ?? []) : c.weight
        config.idField = try pick(c.idField, "id-field")
        config.unitsPath = try pick(c.units, "units")
        config.unitIdField = try pick(c.unitID, "unit-id")
        config.cellSizeMetres = try number("cell-size", c.cellSize)
        if let k = try values.whole("grids", c.grids, "a whole number") { config.gridCount = k }
        // A --target on the command line replaces a grids: in the plan, and the other way round.
        config.targetWeight = try number("target", c.target)
        if c.target != nil && c.grids == nil { config.gridCount = nil }
        if c.grids != nil && c.target == nil { config.targetWeight = nil }
        config.toleranceFraction = try number("tolerance", c.tolerance) ?? 0.05
        config.weightTolerances = try weightTolerances(c.weightTolerance.isEmpty ? (plan["weight-tolerance"] ?? []) : c.weightTolerance)
        config.lockedGridIDs = (c.lock.isEmpty ? (plan["lock"] ?? []) : c.lock).flatMap { $0.split(separator: ",") }
            .map(String.init).filter { !$0.isEmpty }
        config.fillGapsSquareMetres = try number("fill-gaps", c.fillGaps) ?? config.fillGapsSquareMetres
        config.inputCRS = try pick(c.reading.inputCRS, "input-crs")
        config.boundaryCRS = try pick(c.reading.boundaryCRS, "boundary-crs")
        config.pointsCRS = try pick(c.reading.pointsCRS, "points-crs")
        config.unitsCRS = try pick(c.unitsCRS, "units-crs")
        config.workCRS = (try pick(c.workCRS, "work-crs")) ?? "auto"
        config.barrierPaths = c.barriers.isEmpty ? (plan["barriers"] ?? []) : c.barriers
        config.hardBarrierPaths = c.hardBarriers.isEmpty ? (plan["hard-barriers"] ?? []) : c.hardBarriers
        config.barriersCRS = try pick(c.reading.barriersCRS, "barriers-crs")
        config.codePrefix = try pick(c.codePrefix, "code-prefix")
        config.previousPath = try pick(c.previous, "previous")
        config.centersPath = try pick(c.centers, "centers")
        config.previousIdField = try pick(c.previousID, "previous-id")
        config.stationCodeField = try pick(c.stationCode, "station-code")
        config.inputFormat = try c.reading.resolve { (key: String) throws(Failure) -> String? in try single(key) }
        config.inputFormat.boundaryLayer = try pick(c.boundaryLayer, "boundary-layer")
        config.inputFormat.pointsLayer = try pick(c.pointsLayer, "points-layer")
        config.inputFormat.unitsLayer = try pick(c.unitsLayer, "units-layer")
        config.inputFormat.centersLayer = try pick(c.centersLayer, "centers-layer")
        config.inputFormat.previousLayer = try pick(c.previousLayer, "previous-layer")
        config.timeLimitSeconds = try number("time-limit", c.timeLimit)
        if let n = try number("threads", c.threads.map(Double.init)) {
            guard n >= 1, n <= 256, n == n.rounded() else {
                throw Failure(message: "--threads must be a whole number from 1 to 256 (got \(n))", exitCode: ExitStatus.usage)
            }
            config.threads = Int(n)
        }
        if let s = try values.whole("seed", c.seed, "a whole number ≥ 0") { config.seed = s }
        if let text = try pick(cliFormat, "format") {
            switch OutputFormat.parseList(text) {
            case .success(let formats): config.outputFormats = formats
            case .failure(let e): throw Failure(message: e.message, exitCode: ExitStatus.usage)
            }
        }
        let planForce = (try single("force")).map { ["true", "yes", "1"].contains($0.lowercased()) } ?? false
        config.force = cliForce || planForce
        return config
    }

    /// `NAME=T` values of `--weight-tolerance` (or `weight-tolerance:` in a plan file).
    static func weightTolerances(_ texts: [String]) throws(Failure) -> [WeightTolerance] {
        var out: [WeightTolerance] = []
        for text in texts {
            guard let t = WeightTolerance(parsing: text) else {
                throw Failure(
                    message: "--weight-tolerance takes NAME=T, a --weight field and its tolerance, e.g. incidents=0.10 (got \"\(text)\")",
                    exitCode: ExitStatus.usage)
            }
            out.append(t)
        }
        return out
    }
}

/// The values of a plan file by key (paths resolved against the file's folder), with the checks every
/// key shares: known key, one value, a number where a number is expected.
struct PlanValues {
    /// The plan file, nil when none was given (then every key is absent).
    let path: String?
    private(set) var entries: [String: [String]] = [:]

    init(path: String?) throws(PlanOptions.Failure) {
        self.path = path
        guard let path else { return }
        let file: PlanFile
        do throws(GridIOError) {
            file = try PlanFile.read(path: path)
        } catch {
            throw PlanOptions.Failure(message: error.description, exitCode: ExitStatus.of(error))
        }
        for entry in file.entries {
            guard PlanOptions.knownKeys.contains(entry.key) else {
                let hint = PlanOptions.nearestKey(to: entry.key).map { "did you mean \($0)? " } ?? ""
                throw PlanOptions.Failure(
                    message: "\(path): unknown key \(entry.key) (\(hint)keys are the long options of partition, e.g. cell-size)",
                    exitCode: ExitStatus.usage)
            }
            entries[entry.key] = PlanOptions.pathKeys.contains(entry.key) ? entry.values.map(file.resolvedPath) : entry.values
        }
    }

    /// The one value of `key`, nil when the plan does not have it.
    func single(_ key: String) throws(PlanOptions.Failure) -> String? {
        guard let values = entries[key] else { return nil }
        guard values.count == 1 else {
            throw PlanOptions.Failure(message: "\(path ?? ""): \(key) takes one value", exitCode: ExitStatus.usage)
        }
        return values[0]
    }

    /// `cli` when given, else the plan's value of `key` as a whole number (`what` names the range in the error).
    func whole<T: FixedWidthInteger>(_ key: String, _ cli: T?, _ what: String) throws(PlanOptions.Failure) -> T? {
        if let cli { return cli }
        guard let text = try single(key) else { return nil }
        guard let v = T(text) else {
            throw PlanOptions.Failure(message: "\(path ?? ""): \(key) must be \(what) (got \(text))", exitCode: ExitStatus.usage)
        }
        return v
    }

    /// `cli` when given, else the plan's value of `key` as a finite number.
    func number(_ key: String, _ cli: Double?) throws(PlanOptions.Failure) -> Double? {
        if let cli { return cli }
        guard let text = try single(key) else { return nil }
        guard let v = Double(text), v.isFinite else {
            throw PlanOptions.Failure(message: "\(path ?? ""): \(key) must be a number (got \(text))", exitCode: ExitStatus.usage)
        }
        return v
    }
}
