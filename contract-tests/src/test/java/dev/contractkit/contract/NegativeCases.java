package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.contract.ConstraintBreaker.Case;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The negative cases derived from a vendor's spec: for each operation, each constraint of its request body
 * and of its path, query and header parameters broken alone (a required one left out among them) (see {@link ConstraintBreaker}), inside a request whose
 * other values are valid (built from the spec: see {@link ValidRequests}).
 */
final class NegativeCases {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One request of a case: where it goes, what it carries, which field the answer must name. */
    record NegativeRequest(String name, String vendor, OpenApiSpec spec, Operation operation, Case broken,
            String path, Map<String, String> headers, JsonNode body) {

        /** How a failure shows the exchange: PUT /customers/x {"name":1} -> 400 {...}. */
        String exchange(HttpResponse<String> answer) {
            return operation.method().toUpperCase(Locale.ROOT) + " " + path + " " + headers + " " + body + " -> "
                    + answer.statusCode() + " " + answer.body();
        }
    }

    private NegativeCases() {
    }

    /** The cases of every operation of the vendor's spec: body constraints, then path, query and header parameter ones. */
    static List<NegativeRequest> of(String vendor) {
        OpenApiSpec spec = VendorSpecs.spec(vendor);
        ConstraintBreaker breaker = new ConstraintBreaker(spec.document());
        ValidRequests valid = new ValidRequests(vendor, spec);
        List<NegativeRequest> requests = new ArrayList<>();
        for (Operation operation : spec.operations()) {
            ValidRequest base = valid.fitting(operation, false);
            JsonNode validBody = base.hasBody() ? base.body() : null;
            if (operation.hasBody()) {
                breaker.bodyCases(operation.bodySchema().getSchemaNode()).forEach(c -> requests.add(
                        request(vendor, spec, operation, c, base.pathAndQuery(), base.headers(), c.value())));
            }
            operation.pathParamSchemas().forEach((name, schema) -> breaker.parameterCases(name, schema.getSchemaNode())
                    .forEach(c -> {
                        Map<String, String> values = new HashMap<>(base.pathParams());
                        values.put(name, c.value() == null ? "" : c.value().asText());
                        requests.add(request(vendor, spec, operation, c,
                                PathTemplates.fill(operation.pathTemplate(), values) + QueryStrings.of(base.query()),
                                base.headers(), validBody));
                    }));
            operation.queryParams().values().forEach(param -> breaker.queryCases(param.name(), param.schemaNode(),
                    param.required()).forEach(c -> {
                        Map<String, JsonNode> query = new LinkedHashMap<>(base.query());
                        query.remove(param.name());
                        if (c.value() != null) {
                            query.put(param.name(), c.value());
                        }
                        requests.add(request(vendor, spec, operation, c, base.path() + QueryStrings.of(query),
                                base.headers(), validBody));
                    }));
            operation.headerParams().values().forEach(param -> breaker.headerCases(param.name(), param.schemaNode(),
                    param.required()).forEach(c -> {
                        Map<String, String> headers = new LinkedHashMap<>(base.headers());
                        headers.remove(param.name());
                        if (c.value() != null) {
                            headers.put(param.name(), c.value().asText());
                        }
                        requests.add(request(vendor, spec, operation, c, base.pathAndQuery(), headers, validBody));
                    }));
        }
        return requests;
    }

    private static NegativeRequest request(String vendor, OpenApiSpec spec, Operation operation, Case broken,
            String path, Map<String, String> headers, JsonNode body) {
        String name = vendor + "/" + operation.id() + "/" + broken.kind() + " " + broken.field()
                + " (" + broken.declaredIn() + ") [provider]";
        return new NegativeRequest(name, vendor, spec, operation, broken, path, headers, body);
    }

    /** Sends the case's request to the stub's vendor, with a bearer token. */
    static HttpResponse<String> send(StubServer stub, NegativeRequest request) throws Exception {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(stub.url(StubVendors.of(request.vendor()))
                + request.path())).header("Authorization", "Bearer t");
        if (request.body() != null) {
            http.header("Content-Type", "application/json");
        }
        request.headers().forEach(http::header);
        http.method(request.operation().method().toUpperCase(Locale.ROOT), request.body() == null
                ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body().toString()));
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }
}
