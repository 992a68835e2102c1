/// The smallest axis-aligned rectangle holding some coordinates.
public struct BoundingBox: Sendable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    /// The box of the exterior rings of `shapes`; nil when they hold no position.
    public init?(exteriorsOf shapes: [MultiPolygon]) {
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for shape in shapes {
            for polygon in shape.polygons {
                let ring = polygon.exterior
                for i in stride(from: 0, to: ring.count - 1, by: 2) {
                    minX = min(minX, ring[i])
                    maxX = max(maxX, ring[i])
                    minY = min(minY, ring[i + 1])
                    maxY = max(maxY, ring[i + 1])
                }
            }
        }
        guard minX.isFinite else { return nil }
        self.init(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether (x, y) lies inside the box grown by `margin` on every side.
    public func contains(x: Double, y: Double, margin: Double = 0) -> Bool {
        x >= minX - margin && x <= maxX + margin && y >= minY - margin && y <= maxY + margin
    }
}

/// Shape measures shared by every command.
public enum Compactness {
    /// Polsby-Popper compactness 4πA/P² (1 for a disc, towards 0 for a thin strip); 0 without perimeter.
    public static func polsbyPopper(area: Double, perimeter: Double) -> Double {
        perimeter > 0 ? 4 * Double.pi * area / (perimeter * perimeter) : 0
    }
}
