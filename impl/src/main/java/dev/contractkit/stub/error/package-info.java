/**
 * Refusals ({@link dev.contractkit.stub.refusal.StubException}: a kind, a message, the failed fields) and the
 * formats that word them as each API's error body.
 *
 * <p>Vayu and Layer have their own Java formats (their packages), the admin API its own. Any other vendor
 * gets {@link dev.contractkit.stub.error.SpecErrorFormat}, which reads the vendor's spec:
 *
 * <ol>
 *   <li><b>Which schema.</b> The operation's response for the status (404), else its range (4XX), else its
 *       {@code default}; where the operation has none with a JSON body, or the request was routed nowhere,
 *       the same over the whole document, taking the schema most operations use for it; then any error
 *       response of the status's class, any error response at all, a reusable response or schema named as
 *       an error ({@code components/responses/BadRequest}, {@code components/schemas/Error}). The body is
 *       served with that response's media type: application/json, application/problem+json, any +json.</li>
 *   <li><b>Filled by meaning</b>, from each property's name, description and type ($ref followed, allOf
 *       merged, nested wrappers such as {@code {"error": {...}}} alike): the message (message, detail,
 *       description, error_description, title or error when alone...), the code (code, type, error_code,
 *       error beside a message...; the enum's value that names the kind where the schema has an enum, a
 *       uri-format type is {@code about:blank}, else the kind in snake_case: {@code not_found}), the status
 *       (status, statusCode, an integer code), the failed field (field, param, pointer as a JSON Pointer;
 *       name, path, target inside an entry), one entry per failed field in the list whose entries say a
 *       field or a message (errors, details, violations, invalid_params...), success: false. A required
 *       property no meaning fills gets the engine's sample for its schema; an optional one is left out.
 *       Where no list takes the failed fields, the message names them.</li>
 *   <li><b>A template</b> where the spec documents no error body that says anything, at the document's root
 *       (or put there by the overlay, with target {@code $}):
 *       <pre>
 * x-contract-kit:
 *   errors:
 *     mediaType: application/vnd.api+json     # default application/json
 *     body:                                   # the body, its texts' placeholders filled
 *       errors:
 *         - status: '{statusString}'          # an array of one object: one entry per failed field
 *           code: '{code}'
 *           detail: '{message}'
 *           source: {pointer: '{field}'}
 *       meta: {status: '{status}'}            # a text that is one placeholder keeps its type: 404
 *       </pre>
 *       Placeholders: {@code {message}} (in an entry: the field's own message), {@code {detail}} (the message
 *       with the field named), {@code {code}} (not_found), {@code {kind}} (NOT_FOUND), {@code {status}} (404,
 *       a number when it is the whole text), {@code {statusString}} ("404"), {@code {reason}} (Not Found),
 *       {@code {field}} (the entry's field; at the top, the one failed field). A member whose text is one
 *       placeholder with no value (no field failed) is left out, and so is an object left empty by that.</li>
 *   <li><b>Neither:</b> {@code {"message", "code"}}, plus {@code "errors": [{"field", "message"}]} when fields
 *       failed.</li>
 * </ol>
 */
package dev.contractkit.stub.error;
