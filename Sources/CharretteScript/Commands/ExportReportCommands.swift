import Charrette
import CharretteReports
import Foundation

/// The outcome report: HTML or Markdown, from the built-in templates or the user's own.
enum ExportReportCommands {
    static let all: [CommandSpec] = [
        CommandSpec(
            "export report", summary: "write the outcome report: .html (one self-contained page) or .md; people by handle unless --names",
            signature: Signature(
                [.init("file", "the .html or .md file to write")],
                flags: [
                    .init("template", "FILE", "a Mustache template to use instead of the built-in one (export template writes it to start from)"),
                    .init("population", "FILE", "a CSV of attribute,value,share (or count) to compare who took part against"),
                    .init("names", "", "name people who consented to it by their display name (personal data)"),
                ] + CSVImportFile.readingFlags(of: "the population file")),
            example: "export report outcome/report.html --population census.csv", showsResult: false
        ) { call in
            let path = try call.string(0, "a file name")
            let format: ReportRenderer.Format
            switch (path as NSString).pathExtension.lowercased() {
            case "html", "htm": format = .html
            case "md", "markdown": format = .markdown
            case let other: throw call.error("export report writes .html or .md, not '.\(other)'", at: 0)
            }
            let template = try call.flagString("template").map { file in
                guard let text = try? String(contentsOfFile: call.scriptRelativePath(file), encoding: .utf8) else {
                    throw call.flagError("template", "cannot read the template '\(file)' as UTF-8 text")
                }
                return text
            }
            let templateName = try call.flagString("template") ?? "template"
            let population = try call.flagString("population").map { try populationTargets(call, path: $0) }
            // The report names the journal's head: everything in it must be written first.
            try call.interpreter.flush()
            let state = call.interpreter.workspace.state
            let report = OutcomeReport(
                state, consultation: try call.consultation(),
                options: .init(
                    namesWhereConsented: call.has("names"), population: population, generatedAt: call.interpreter.workspace.now))
            let text: String
            do {
                text = try ReportRenderer.render(report, as: format, template: template)
            } catch let error as ReportRenderer.TemplateError {
                throw call.flagError("template", "\(templateName):\(error.line):\(error.column): \(error.description)")
            }
            return try ExportCommands.write(text, to: path, call)
        },
        CommandSpec(
            "export template", summary: "write the built-in report template (html or markdown) to a file, to restyle and use with export report --template",
            signature: Signature([.init("format", "html or markdown"), .init("file", "where to write it")]),
            example: "export template html my-report.mustache", showsResult: false
        ) { call in
            let format: ReportRenderer.Format
            switch try call.string(0, "html or markdown").lowercased() {
            case "html": format = .html
            case "markdown", "md": format = .markdown
            case let other: throw call.error("no built-in template '\(other)': use html or markdown", at: 0)
            }
            return try ExportCommands.write(ReportRenderer.defaultTemplate(format), to: try call.string(1, "a file name"), call, argument: 1)
        },
    ]

    /// The population in a CSV of attribute, value and share (or count, or weight) columns, read
    /// for the option `flag` (where errors point).
    static func populationTargets(_ call: Invocation, path: String, flag: String = "population") throws -> PopulationTargets {
        let file = try CSVImportFile(call, path: path) { call.flagError(flag, $0) }
        func column(_ names: [String]) throws -> Int {
            guard let index = names.lazy.compactMap(file.optionalColumn).first else {
                throw call.flagError(
                    flag,
                    "'\(path)' needs a column \(names.map { "'\($0)'" }.joined(separator: " or ")); the columns are \(file.header.joined(separator: ", "))")
            }
            return index
        }
        let (attribute, value, weight) = (try column(["attribute"]), try column(["value"]), try column(["share", "count", "weight", "percent"]))
        var rows: [(attribute: String, value: String, weight: Double)] = []
        var lines: [Int] = []
        for (line, cells) in file.rows {
            guard cells.count > max(attribute, value, weight) else {
                throw call.flagError(flag, "\(path):\(line): the row has \(cells.count) cells, fewer than the header")
            }
            let text = cells[weight].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
            guard let number = Double(text) else {
                throw call.flagError(flag, "\(path):\(line): '\(cells[weight])' is not a number")
            }
            rows.append((cells[attribute].trimmingCharacters(in: .whitespaces).lowercased(), cells[value].trimmingCharacters(in: .whitespaces), number))
            lines.append(line)
        }
        do {
            return try PopulationTargets(rows: rows, source: (path as NSString).lastPathComponent)
        } catch {
            throw call.flagError(flag, "\(path):\(lines.isEmpty ? 1 : lines[min(error.row, lines.count) - 1]): \(error.description)")
        }
    }
}
