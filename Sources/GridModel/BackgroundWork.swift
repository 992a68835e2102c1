import Dispatch
import Synchronization

/// Work handed to another thread while the caller goes on with its own; `value()` waits for it.
///
/// With `concurrent` false the work runs at once on the calling thread (`--threads 1`): the result
/// is the same either way, only the time differs. Outputs never depend on which thread ran what.
public final class BackgroundWork<T: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Mutex<T?>(nil)

    /// Starts `work` (on a global queue when `concurrent`, else now, before returning).
    public init(concurrent: Bool, _ work: @escaping @Sendable () -> T) {
        guard concurrent else {
            let v = work()
            result.withLock { $0 = v }
            return
        }
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            let v = work()
            result.withLock { $0 = v }
        }
    }

    /// The work's result, once it has finished (blocks until then).
    public func value() -> T {
        group.wait()
        guard let v = result.withLock({ $0 }) else { preconditionFailure("the work finished without a result") }
        return v
    }
}
