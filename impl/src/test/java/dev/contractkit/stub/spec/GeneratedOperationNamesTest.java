package dev.contractkit.stub.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operation without an operationId is named as openapi-generator 7.25.0 names its generated methods. Every
 * expected name below was read from the java (jersey3) client the generator made of the fixture
 * (unnamed-operations.yaml, run once by hand with the plugin of the build, 7.25.0, generator java, library
 * jersey3); the jaxrs-spec server has the same names but numbers duplicates with one counter for all
 * (aBGet_1, aBGet_2, dupGet_3, getCustomer_4, listThings_5, listThings_6).
 */
class GeneratedOperationNamesTest {

    @Test
    void anOperationWithoutOperationIdGetsTheGeneratorsName() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("GET /emails/{email_id}", "emailsEmailIdGet");
        expected.put("DELETE /emails/{email_id}", "emailsEmailIdDelete");
        expected.put("PATCH /event_schema/{event_schema_name}", "eventSchemaEventSchemaNamePatch");
        expected.put("GET /", "rootGet");
        expected.put("POST /a-b/c.d/{x_y}", "aBCDXYPost");
        expected.put("POST /v1/users:search", "v1UsersSearchPost");
        expected.put("GET /users", "usersGet");
        expected.put("POST /users", "usersPost");
        expected.put("GET /Users2", "users2Get");
        expected.put("PUT /users/{userId}/API-keys/{key.id}", "usersUserIdAPIKeysKeyIdPut");
        expected.put("GET /2fa/codes", "call2faCodesGet");
        expected.put("GET /items/{id}/default", "itemsIdDefaultGet");
        expected.put("GET /class", "classGet");
        expected.put("GET /x/{ID}/Y_z-w", "xIDYZWGet");
        expected.put("GET /café/ü", "cafGet");
        expected.put("GET /files/{name}.{ext}", "filesNameExtGet");
        expected.put("GET /q$x/@y/+z", "qxYZGet");

        assertEquals(expected, namesOf(expected));
        for (var named : expected.entrySet()) {
            assertEquals(named.getValue(), operation(named.getKey()).id(), "the journal's and the admin API's name");
        }
    }

    @Test
    void aGeneratedNameTakenEarlierInTheDocumentGetsTheGeneratorsSuffix() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("GET /a_b", "aBGet");
        expected.put("GET /a/b", "aBGet_0");
        expected.put("GET /a//b", "aBGet_1");
        expected.put("GET /dup", "dupGet");
        expected.put("GET /dup/", "dupGet_0");
        expected.put("GET /dup2", "listThings");
        expected.put("GET /other", "listThings_0"); // an explicit id used twice: the second method is renamed

        assertEquals(expected, namesOf(expected));
    }

    @Test
    void anExplicitOperationIdKeepsItsNameAndItsMethodIsNamedAsTheGeneratorNamesIt() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("GET /explicit1", "get-customer getCustomer");
        expected.put("GET /explicit2", "update_customer updateCustomer");
        expected.put("GET /explicit3", "GetUserList getUserList");
        expected.put("GET /explicit4", "list.things listThings_1");
        expected.put("GET /explicit5", "2step call2step");
        expected.put("GET /explicit6", "Customers:search V2 customersSearchV2");
        expected.put("GET /explicit7", "getCustomer getCustomer_0");
        expected.put("GET /emails/{email_id}", "emailsEmailIdGet emailsEmailIdGet");

        Map<String, String> named = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            Operation operation = operation(key);
            named.put(key, operation.id() + " " + operation.methodName());
        }
        assertEquals(expected, named);
    }

    private static Map<String, String> namesOf(Map<String, String> wanted) throws URISyntaxException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : wanted.keySet()) {
            names.put(key, operation(key).methodName());
        }
        return names;
    }

    /** The fixture's operation for "METHOD /template". */
    private static Operation operation(String key) throws URISyntaxException {
        Path folder = Path.of(GeneratedOperationNamesTest.class.getResource("unnamed-operations.yaml").toURI()).getParent();
        OpenApiSpec spec = OpenApiSpec.load(folder, "unnamed-operations");
        String template = key.substring(key.indexOf(' ') + 1);
        String method = key.substring(0, key.indexOf(' '));
        return spec.operations().stream()
                .filter(o -> o.pathTemplate().equals(template) && o.method().equalsIgnoreCase(method))
                .findFirst().orElseThrow();
    }
}
