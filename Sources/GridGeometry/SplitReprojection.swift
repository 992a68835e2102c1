import GridModel

/// Reprojection of many points shared between the engine and a fresh engine on another thread.
struct SplitReprojection: EngineAlgorithm {
    let engine: GeometryEngine

    /// See `GeometryEngine.transform(x:y:from:to:threads:minimumSplit:)`.
    func transform(
        x: inout [Double], y: inout [Double], from source: String, to target: String, threads: Int, minimumSplit: Int
    ) throws(GeometryError) {
        let n = x.count
        guard threads > 1, n >= minimumSplit, n == y.count else {
            try engine.transform(x: &x, y: &y, from: source, to: target)
            return
        }
        let half = n / 2
        let tailX = Array(x[half...]), tailY = Array(y[half...])
        let tail = BackgroundWork(concurrent: true) { () -> Result<([Double], [Double]), GeometryError> in
            var tx = tailX, ty = tailY
            do throws(GeometryError) {
                try GeometryEngine().transform(x: &tx, y: &ty, from: source, to: target)
                return .success((tx, ty))
            } catch {
                return .failure(error)
            }
        }
        var headX = Array(x[..<half]), headY = Array(y[..<half])
        let headFailed: Bool
        do throws(GeometryError) {
            try engine.transform(x: &headX, y: &headY, from: source, to: target)
            headFailed = false
        } catch {
            headFailed = true
        }
        let tailResult = tail.value()
        guard !headFailed, case .success(let (tx, ty)) = tailResult else {
            // Rare: repeat in one call so that the error names the point among all n.
            try engine.transform(x: &x, y: &y, from: source, to: target)
            throw GeometryError("transform from '\(source)' to '\(target)' failed in part but not as a whole")
        }
        x.replaceSubrange(0..<half, with: headX)
        x.replaceSubrange(half..<n, with: tx)
        y.replaceSubrange(0..<half, with: headY)
        y.replaceSubrange(half..<n, with: ty)
    }
}
