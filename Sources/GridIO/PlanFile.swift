import Foundation
import Yams

/// A plan file: YAML whose keys are the long options of a command (`cell-size` or `cell_size`).
///
/// Every scalar is kept as its text, never typed by the YAML resolver, so that `330802` and `0570`
/// stay the codes they are and `no` stays a word; the command decides what each value means.
/// A key may hold a scalar or a list of scalars (`weight: [population, incidents]`).
public struct PlanFile: Sendable {
    /// The file as named by the user.
    public var path: String
    /// Entries in file order; keys normalised to kebab-case.
    public var entries: [(key: String, values: [String])]

    /// Reads and parses `path`.
    public static func read(path: String) throws(GridIOError) -> PlanFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw GridIOError(file: path, message: "plan file not found", kind: .missing)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GridIOError(file: path, message: "plan file cannot be read", kind: .missing)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GridIOError(file: path, message: "plan file is not UTF-8", kind: .badData)
        }
        return try parse(text, path: path)
    }

    /// Parses YAML text; `path` is used in messages and to resolve relative paths.
    public static func parse(_ text: String, path: String) throws(GridIOError) -> PlanFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw GridIOError(file: path, message: "not valid YAML: \(error)", kind: .badData)
        }
        guard let node else { return PlanFile(path: path, entries: []) }
        guard let mapping = node.mapping else {
            throw GridIOError(file: path, message: "a plan file is a mapping of option names to values", kind: .badData)
        }
        var entries: [(key: String, values: [String])] = []
        for (keyNode, valueNode) in mapping {
            guard let rawKey = keyNode.scalar?.string else {
                throw GridIOError(file: path, message: "a key is not a plain name", location: "line \(keyNode.mark?.line ?? 0)", kind: .badData)
            }
            let key = rawKey.replacingOccurrences(of: "_", with: "-").lowercased()
            if entries.contains(where: { $0.key == key }) {
                throw GridIOError(file: path, message: "\(rawKey) is given twice", location: "line \(keyNode.mark?.line ?? 0)", kind: .badData)
            }
            var values: [String] = []
            switch valueNode {
            case .scalar(let s):
                values = [s.string]
            case .sequence(let seq):
                for item in seq {
                    guard let s = item.scalar?.string else {
                        throw GridIOError(file: path, message: "\(rawKey) holds a nested list or mapping", location: "line \(item.mark?.line ?? 0)", kind: .badData)
                    }
                    values.append(s)
                }
            default:
                throw GridIOError(file: path, message: "\(rawKey) must be a value or a list of values", location: "line \(valueNode.mark?.line ?? 0)", kind: .badData)
            }
            entries.append((key, values))
        }
        return PlanFile(path: path, entries: entries)
    }

    /// The values of `key` (kebab-case), or nil when absent.
    public func values(_ key: String) -> [String]? {
        entries.first { $0.key == key }?.values
    }

    /// A path value made relative to the plan file's folder (absolute paths are kept).
    public func resolvedPath(_ value: String) -> String {
        if value.hasPrefix("/") { return value }
        let dir = (path as NSString).deletingLastPathComponent
        if dir.isEmpty { return value }
        return (dir as NSString).appendingPathComponent(value)
    }
}
