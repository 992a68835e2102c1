/// Checks of the options that need no file: ranges and combinations.
enum ConfigCheck {
    static func validate(_ c: PartitionConfig) throws(PipelineError) {
        if c.gridCount == nil && c.targetWeight == nil && c.centersPath == nil {
            throw PipelineError.usage("one of --grids, --target or --centers is required")
        }
        if c.gridCount != nil && c.targetWeight != nil {
            throw PipelineError.usage("give --grids or --target, not both")
        }
        if let k = c.gridCount, k <= 0 {
            throw PipelineError.usage("--grids must be a positive whole number (got \(k))")
        }
        if let t = c.targetWeight, !(t > 0 && t.isFinite) {
            throw PipelineError.usage("--target must be a positive number (got \(t))")
        }
        if !(c.fillGapsSquareMetres >= 0 && c.fillGapsSquareMetres.isFinite) {
            throw PipelineError.usage("--fill-gaps must be an area of 0 or more square metres (got \(c.fillGapsSquareMetres))")
        }
        if !(c.toleranceFraction > 0 && c.toleranceFraction < 1) {
            throw PipelineError.usage("--tolerance must be between 0 and 1 exclusive (got \(c.toleranceFraction))")
        }
        if let s = c.cellSizeMetres, !(s > 0 && s.isFinite) {
            throw PipelineError.usage("--cell-size must be a positive number of metres (got \(s))")
        }
        if let t = c.timeLimitSeconds, !(t > 0 && t.isFinite) {
            throw PipelineError.usage("--time-limit must be a positive number of seconds (got \(t))")
        }
        if c.pointsPath == nil && (c.unitsPath == nil || c.weightFields.isEmpty) {
            throw PipelineError.usage("--points is required unless --units carry a --weight property")
        }
        if c.unitIdField != nil && c.unitsPath == nil {
            throw PipelineError.usage("--unit-id needs --units")
        }
        if let p = c.codePrefix, p.isEmpty || !p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw PipelineError.usage("--code-prefix must be letters and digits, e.g. 330802 (got \"\(p)\")")
        }
        if c.unitsPath != nil && !(c.barrierPaths.isEmpty && c.hardBarrierPaths.isEmpty) {
            throw PipelineError.usage(
                "--barriers and --hard-barriers cut the station areas into street blocks, which replace hexagons; with --units the given units are used as they are, so leave out either --units or the barriers")
        }
        if c.barrierPaths.isEmpty && !c.hardBarrierPaths.isEmpty {
            throw PipelineError.usage(
                "--hard-barriers needs at least one --barriers file (the streets that make the blocks and the bridges across the hard barriers)")
        }
        if c.weightFields.count != Set(c.weightFields).count {
            throw PipelineError.usage("--weight names a field twice")
        }
        try checkBandsAndLocks(c)
    }

    /// `--weight-tolerance` names further weights once each, with a tolerance in (0, 1); `--lock`
    /// needs `--previous` and no `--centers`.
    static func checkBandsAndLocks(_ c: PartitionConfig) throws(PipelineError) {
        let further = Array(c.weightFields.dropFirst())
        for (i, band) in c.weightTolerances.enumerated() {
            if band.name == c.weightFields.first {
                throw PipelineError.usage(
                    "--weight-tolerance \(band.name)=…: \(band.name) is the first --weight, balanced within --tolerance")
            }
            guard further.contains(band.name) else {
                let listed = further.isEmpty ? "none: give it as a second --weight" : further.joined(separator: ", ")
                throw PipelineError.usage(
                    "--weight-tolerance \(band.name)=…: \(band.name) is not a further --weight (further weights: \(listed))")
            }
            if c.weightTolerances[..<i].contains(where: { $0.name == band.name }) {
                throw PipelineError.usage("--weight-tolerance names \(band.name) twice")
            }
            if !(band.fraction > 0 && band.fraction < 1) {
                throw PipelineError.usage(
                    "--weight-tolerance \(band.name)=\(band.fraction): the tolerance must be between 0 and 1 exclusive")
            }
        }
        guard !c.lockedGridIDs.isEmpty else { return }
        if c.previousPath == nil {
            throw PipelineError.usage("--lock needs --previous: a locked grid is a grid of the earlier map")
        }
        if c.centersPath != nil {
            throw PipelineError.usage("--lock cannot be combined with --centers (posts place every grid)")
        }
    }
}
