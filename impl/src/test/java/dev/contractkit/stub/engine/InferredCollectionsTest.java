package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.stub.refusal.StubException;
import org.junit.jupiter.api.Test;

/** Collections the paths show though an item has no operation of its own, and a PUT that creates (nested.yaml). */
class InferredCollectionsTest {

    private final EngineFixture fixture = EngineFixture.of("nested");

    @Test
    void anItemWithOnlySubPathsStillMakesItsCollectionAndScopesWhatHangsUnderIt() {
        assertEquals(Behaviour.Kind.CREATE, fixture.kind("createOrg"));
        String org = fixture.send("POST", "/orgs", "{\"name\":\"Acme\"}").body().path("id").asText();
        String project = fixture.send("POST", "/orgs/" + org + "/projects", "{\"title\":\"p\"}").body().path("id").asText();
        assertEquals("p", fixture.send("GET", "/orgs/" + org + "/projects/" + project, null).body().path("title").asText());
        assertEquals(1, fixture.send("GET", "/orgs/" + org + "/projects", null).body().path("data").size());
        StubException unknown = assertThrows(StubException.class,
                () -> fixture.send("POST", "/orgs/nobody/projects", "{\"title\":\"p\"}"));
        assertEquals(404, unknown.kind().status());
    }

    @Test
    void aPutThatDocuments201CreatesTheItemItNames() {
        assertEquals(Behaviour.Kind.UPDATE, fixture.kind("putSetting"));
        assertEquals(201, fixture.send("PUT", "/settings/theme", "{\"value\":\"dark\"}").status());
        assertEquals("dark", fixture.send("GET", "/settings/theme", null).body().path("value").asText());
        assertEquals(200, fixture.send("PUT", "/settings/theme", "{\"value\":\"light\"}").status());
        assertEquals("light", fixture.send("GET", "/settings/theme", null).body().path("value").asText());
    }
}
