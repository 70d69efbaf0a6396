import HTTPTypes
import Hummingbird
import NIOCore

/// The headers every room response carries, and the shapes of its responses.
enum RoomResponses {
    /// Scripts and styles from the room only, no framing, no referrer to another site (a personal
    /// link's secret must not leak). Within the room the browser names its origin, which forms sent
    /// before there is a session are checked against (`no-referrer` would make it `null`).
    static let security: HTTPFields = [
        HTTPField.Name("Content-Security-Policy")!:
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = security
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = security
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// After a form: back to the page with what happened (post, redirect, get), so a reload does not post twice.
    static func seeOther(_ location: String) -> Response {
        var headers = security
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
