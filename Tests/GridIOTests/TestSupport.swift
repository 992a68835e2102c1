import GridIO
import GridModel
import Testing

/// UTF-8 bytes of a fixture string.
func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Reads `json` as a polygon file and returns the error it must raise.
func featuresError(_ json: String, file: String = "in.geojson") -> GridIOError? {
    do {
        _ = try GeoJSONReader.readFeatures(bytes: utf8(json), file: file)
        return nil
    } catch {
        return error
    }
}

/// Reads `json` as a point file and returns the error it must raise.
func pointsError(_ json: String, id: String? = nil, weights: [String] = []) -> GridIOError? {
    do {
        _ = try GeoJSONReader.readPoints(bytes: utf8(json), file: "pts.geojson", idField: id, weightFields: weights)
        return nil
    } catch {
        return error
    }
}

/// Reads CSV text and returns the error it must raise.
func csvError(_ text: String, id: String? = nil, weights: [String] = []) -> GridIOError? {
    do {
        _ = try CSVPointReader.read(bytes: utf8(text), file: "pts.csv", idField: id, weightFields: weights)
        return nil
    } catch {
        return error
    }
}

/// A one-feature FeatureCollection around `geometry` (JSON text).
func collection(_ geometry: String, properties: String = "{}") -> String {
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":\(properties),\"geometry\":\(geometry)}]}"
}

let square = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"
