import Testing

/// What in an HTML page would make a browser fetch something: the checks behind "report.html is
/// self-contained". The SVG namespace declaration is a name, not a fetch, and is the only URL allowed.
enum SelfContainedPage {
    /// Every reference to something outside the page, as found in `html` (empty for a self-contained page).
    static func externalReferences(_ html: String) -> [String] {
        let page = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        var found: [String] = []
        for marker in ["http://", "https://", "src=\"//", "href=\"//", "url(//", "<link", "<script src", "@import", "<iframe"] {
            var rest = page[...]
            while let r = rest.range(of: marker, options: .caseInsensitive) {
                let end = page.index(r.lowerBound, offsetBy: 40, limitedBy: page.endIndex) ?? page.endIndex
                found.append(String(page[r.lowerBound..<end]))
                rest = page[r.upperBound...]
            }
        }
        return found
    }
}

@Suite("report.html self-containment check")
struct SelfContainedPageTests {
    @Test("a page with only the SVG namespace and inline content passes")
    func inlineOnly() {
        let html = "<html><body><svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg><style>p{}</style></body></html>"
        #expect(SelfContainedPage.externalReferences(html).isEmpty)
    }

    @Test(
        "any network reference is found, even beside the SVG namespace",
        arguments: [
            "<img src=\"https://tile.example/1.png\">", "<a href=\"http://example.com\">x</a>",
            "<script src=\"lib.js\"></script>", "<link rel=\"stylesheet\" href=\"a.css\">",
            "<style>@import 'x.css';</style>", "<img src=\"//cdn.example/x.png\">",
            "<div style=\"background:url(//cdn.example/x.png)\"></div>",
        ])
    func findsReferences(_ snippet: String) {
        let html = "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>" + snippet
        #expect(!SelfContainedPage.externalReferences(html).isEmpty, "\(snippet)")
    }
}
