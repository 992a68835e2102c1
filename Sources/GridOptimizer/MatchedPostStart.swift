/// A start for fixed centres (police posts) that draws the grids as if there were no posts, gives
/// each grid a post (`match`) and redraws the cells so that each holds its post
/// (`PowerDiagramStart.holdingPosts`).
///
/// Growing from the posts (`PostGrowthStart`) or drawing cells around them shapes every grid by
/// where its post happens to stand: a post at a grid's edge pulls the grid into a crescent around
/// it. Posts stand where the stations put them, not at grid centres, but usually one in each part of
/// the jurisdiction a compact grid would cover; then the grids drawn without them already hold one
/// post each and only the labels change. Where a grid holds two posts or none, the posts are
/// matched to grids at least total squared distance, the cells of posts still outside are pulled
/// towards them, each post unit is moved into its grid and the contiguity repair
/// (`Partition.joinCentres`) and the search do the rest. Sample county, 40 posts at an edge hexagon
/// of each grid of a plan without posts (`Scripts/bench-posts.py`, corner): mean PP 0.41 with a
/// greedy matching and relabelling only, 0.52 now, 0.55 without posts.
struct MatchedPostStart {
    /// The graph being partitioned.
    let graph: WorkGraph
    /// Fixed centre unit per grid.
    let centres: [Int32]
    /// Land too light to be a grid.
    var light: LightComponents? = nil

    /// The start: the power diagram drawn without posts (first bisection along x), its cells
    /// matched to the posts and redrawn to hold them; post g in grid g.
    /// - Complexity: that of the power diagram, plus O(n·K + K³) for the matching and
    ///   O(`Tuning.postDiagramRounds` · (n · candidates + m)) for the redrawing.
    func run() -> [Int32] {
        let k = centres.count
        let power = PowerDiagramStart(graph: graph, gridCount: k, light: light)
        let (free, drawn) = power.runDiagram(axis: (1.0, 0.0))
        let postOfGrid = match(free)
        var diagram = drawn
        for (g, p) in postOfGrid.enumerated() {
            diagram.cx[Int(p)] = drawn.cx[g]
            diagram.cy[Int(p)] = drawn.cy[g]
            diagram.alpha[Int(p)] = drawn.alpha[g]
        }
        var assignment = power.holdingPosts(centres, diagram: diagram, initial: free.map { postOfGrid[Int($0)] })
        for (g, post) in centres.enumerated() { assignment[Int(post)] = Int32(g) }
        return assignment
    }

    /// `assignment` (grids drawn without posts) relabelled so that grid g holds post g.
    /// - Complexity: O(n·K + K² log K) for n units and K posts.
    func relabel(_ assignment: [Int32]) -> [Int32] {
        let postOfGrid = match(assignment)
        var relabelled = assignment.map { postOfGrid[Int($0)] }
        for (g, post) in centres.enumerated() { relabelled[Int(post)] = Int32(g) }
        return relabelled
    }

    /// The post each grid of `assignment` goes to: the matching of least total squared distance from
    /// each post to its grid's nearest unit (0 for the grid that holds it).
    ///
    /// Where one grid holds two posts and a grid some way off holds none, every grid between them
    /// takes its neighbour's post a short step away rather than the empty grid taking a post from
    /// across the jurisdiction. A greedy matching (nearest pair first) did the latter: sample county,
    /// 40 posts at the edge of the grids of a plan without posts, the empty grid was handed a far
    /// post and the repair left it as that post alone.
    /// - Complexity: O(n·K + K³).
    func match(_ assignment: [Int32]) -> [Int32] {
        let k = centres.count
        // near[p * k + g]: squared distance from post p to the nearest unit centroid of grid g.
        var near = [Double](repeating: .infinity, count: k * k)
        for u in 0..<graph.unitCount {
            let g = Int(assignment[u])
            guard g >= 0 && g < k else { continue }
            for (p, post) in centres.enumerated() {
                let dx = graph.x[u] - graph.x[Int(post)], dy = graph.y[u] - graph.y[Int(post)]
                near[p * k + g] = min(near[p * k + g], dx * dx + dy * dy)
            }
        }
        // A grid without units (none after a start) is as far as anything can be, but finite.
        let far = (near.filter(\.isFinite).max() ?? 0) * Double(k + 1) + 1
        let gridOfPost = Self.leastCostAssignment(cost: near.map { $0.isFinite ? $0 : far }, size: k)
        var postOfGrid = [Int32](repeating: -1, count: k)
        for (p, g) in gridOfPost.enumerated() { postOfGrid[g] = Int32(p) }
        return postOfGrid
    }

    /// The column of every row in an assignment of least total cost for a `size` × `size` cost
    /// matrix (row-major): the Hungarian method with potentials, ties to the lowest column.
    /// - Complexity: O(size³).
    static func leastCostAssignment(cost: [Double], size k: Int) -> [Int] {
        precondition(cost.count == k * k, "a square cost matrix")
        guard k > 0 else { return [] }
        // 1-based: u and v are the row and column potentials, rowOf[j] the row matched to column j
        // (column 0 is the row being added), way[j] the previous column on the augmenting path.
        var u = [Double](repeating: 0, count: k + 1)
        var v = [Double](repeating: 0, count: k + 1)
        var rowOf = [Int](repeating: 0, count: k + 1)
        var way = [Int](repeating: 0, count: k + 1)
        var slack = [Double](repeating: 0, count: k + 1)
        var used = [Bool](repeating: false, count: k + 1)
        for i in 1...k {
            rowOf[0] = i
            var j0 = 0
            for j in 0...k {
                slack[j] = .infinity
                used[j] = false
            }
            repeat {
                used[j0] = true
                let i0 = rowOf[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...k where !used[j] {
                    let reduced = cost[(i0 - 1) * k + (j - 1)] - u[i0] - v[j]
                    if reduced < slack[j] {
                        slack[j] = reduced
                        way[j] = j0
                    }
                    if slack[j] < delta {
                        delta = slack[j]
                        j1 = j
                    }
                }
                for j in 0...k {
                    if used[j] {
                        u[rowOf[j]] += delta
                        v[j] -= delta
                    } else {
                        slack[j] -= delta
                    }
                }
                j0 = j1
            } while rowOf[j0] != 0
            // Augment along the path back to column 0.
            repeat {
                let j1 = way[j0]
                rowOf[j0] = rowOf[j1]
                j0 = j1
            } while j0 != 0
        }
        var columnOfRow = [Int](repeating: 0, count: k)
        for j in 1...k { columnOfRow[rowOf[j] - 1] = j - 1 }
        return columnOfRow
    }
}
