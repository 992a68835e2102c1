extension UnitSet {
    /// Units whose shared boundary is shorter than this (metres) touch at a point, not along an edge:
    /// street blocks meeting at a node where the lines almost coincide share slivers of 0.1 mm–1 cm
    /// (Chicago: 0.33 mm between B1568 and B1569). A grid joined only through such a pinch is two
    /// polygons once written at 7 decimals of a degree (~1 cm), so it is not a link for contiguity.
    public static let minimumLinkMetres = 1.0

    /// The same units without the links whose real shared boundary is shorter than
    /// `minimumLinkMetres` (a pinch); every other link, with its length, unchanged.
    ///
    /// - Parameter realLengths: shared boundary in metres, parallel to `neighbors` (differs from
    ///   `sharedLength` when the lengths are cut costs, as for street blocks).
    /// - Complexity: O(units + links).
    public func withoutPinchLinks(realLengths: [Double]) -> UnitSet {
        precondition(realLengths.count == neighbors.count, "real lengths parallel to the links")
        guard realLengths.contains(where: { $0 < Self.minimumLinkMetres }) else { return self }
        var out = self
        out.offsets = [0]
        out.neighbors = []
        out.sharedLength = []
        for u in 0..<count {
            for e in Int(offsets[u])..<Int(offsets[u + 1]) where realLengths[e] >= Self.minimumLinkMetres {
                out.neighbors.append(neighbors[e])
                out.sharedLength.append(sharedLength[e])
            }
            out.offsets.append(Int32(out.neighbors.count))
        }
        return out
    }
}
