import Dispatch
import Foundation

/// On a terminal, the current stage's line with a moving bar and the elapsed seconds, redrawn in
/// place a few times a second until the next stage starts or the run ends.
///
/// The pipeline reports stages, not fractions, so the bar shows activity, not a share done.
/// The state is guarded by a lock because the timer fires on its own queue.
final class StageTicker: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var start = DispatchTime.now()
    private var timer: DispatchSourceTimer?
    private var frame = 0

    /// Ends the current stage's line and starts a new one for `text`.
    func begin(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        endLocked()
        self.text = text
        start = .now()
        frame = 0
        drawLocked()
        let t = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        t.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
        t.setEventHandler { [weak self] in self?.tick() }
        timer = t
        t.resume()
    }

    /// Writes `line` (a warning, a detail) above the stage line, then redraws it.
    func interject(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else {
            Console.writeErr(line)
            return
        }
        Console.writeErr("\r\u{1B}[2K" + line)
        drawLocked()
    }

    /// Ends the current stage's line, leaving it with its final time.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        endLocked()
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else { return }
        frame += 1
        drawLocked()
    }

    private func endLocked() {
        guard let t = timer else { return }
        t.cancel()
        timer = nil
        Console.writeErr("\r\u{1B}[2K" + "gridplan: \(text) (\(elapsed()))\n")
    }

    private func drawLocked() {
        let width = 12, block = 3
        let span = width - block
        let position = span == 0 ? 0 : (frame % (2 * span) < span ? frame % span : span - frame % span)
        let bar = String(repeating: " ", count: position) + String(repeating: "=", count: block)
            + String(repeating: " ", count: width - block - position)
        Console.writeErr("\r\u{1B}[2K" + "gridplan: \(text) [\(bar)] \(elapsed())")
    }

    private func elapsed() -> String {
        let ns = DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds
        let tenths = Int(ns / 100_000_000)
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
