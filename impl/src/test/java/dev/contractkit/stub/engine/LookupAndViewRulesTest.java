package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.error.SpecErrorFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lookup through a nested field (inferred from the path and the item's schema, or as x-contract-kit "lookupBy"
 * says) and a view of an item ("view") on a fixture of their own (lookups-and-views.yaml: accounts, bills), whose
 * names are no vendor's. Each request goes the pipeline's way (its parameters and body checked against the
 * operation's schemas, then the engine, a refusal worded in the fixture's error shape), and every answer is judged
 * against the schema its operation documents by the tests' own judge.
 */
class LookupAndViewRulesTest {

    private EngineFixture fixture;
    private ErrorFormat errors;

    @BeforeEach
    void aFixture() {
        fixture = EngineFixture.of("lookups-and-views");
        errors = new SpecErrorFormat(fixture.spec);
    }

    @Test
    void thePathsAndRulesMakeTheirOperationsKinds() {
        assertEquals(Behaviour.Kind.LOOKUP_BY, fixture.kind("getAccountByLink"), "inferred: no rule on it");
        assertEquals(Behaviour.Kind.LOOKUP_BY, fixture.kind("getAccountByMirror"));
        assertEquals(Behaviour.Kind.VIEW, fixture.kind("getBillBalance"));
        assertEquals("/accounts", fixture.model.behaviours().get("getAccountByLink").collection().template());
        assertEquals("/bills", fixture.model.behaviours().get("getBillBalance").collection().template());
    }

    @Test
    void anInferredLookupFindsTheAccountOneOfWhoseLinksHoldsBothTypeAndId() {
        String ada = open("{\"name\":\"Ada\",\"links\":[{\"type\":\"ledgerly\",\"id\":\"L-1\"},{\"type\":\"tallyhub\",\"id\":\"T-9\"}]}");
        String bob = open("{\"name\":\"Bob\",\"links\":[{\"type\":\"tallyhub\",\"id\":\"L-1\"}]}");
        assertEquals(ada, answer("getAccountByLink", "GET", "/accounts/link/ledgerly/L-1", 200).path("id").asText());
        assertEquals(ada, answer("getAccountByLink", "GET", "/accounts/link/tallyhub/T-9", 200).path("id").asText());
        assertEquals(bob, answer("getAccountByLink", "GET", "/accounts/link/tallyhub/L-1", 200).path("id").asText(),
                "the type and the id of one link, not of two");
        JsonNode miss = answer("getAccountByLink", "GET", "/accounts/link/ledgerly/T-9", 404);
        assertEquals("Account with linkType ledgerly and linkId T-9 not found", miss.path("message").asText(), miss::toString);
        answer("getAccountByLink", "GET", "/accounts/link/nosuchsystem/L-1", 400);
    }

    @Test
    void aRuledLookupMatchesTheFieldTheSystemNamesAndAnArrayByAnyElement() {
        String ada = open("{\"name\":\"Ada\",\"alphaRef\":\"A-7\",\"otherRefs\":[\"B-1\",\"B-2\"]}");
        String bob = open("{\"name\":\"Bob\",\"alphaRef\":\"B-2\"}");
        assertEquals(ada, answer("getAccountByMirror", "GET", "/accounts/mirror/alpha/A-7", 200).at("/account/id").asText());
        assertEquals(bob, answer("getAccountByMirror", "GET", "/accounts/mirror/alpha/B-2", 200).at("/account/id").asText());
        assertEquals(ada, answer("getAccountByMirror", "GET", "/accounts/mirror/beta/B-2", 200).at("/account/id").asText());
        assertEquals(ada, answer("getAccountByMirror", "GET", "/accounts/mirror/gamma/B-1", 200).at("/account/id").asText());
        assertEquals(bob, answer("getAccountByMirror", "GET", "/accounts/mirror/delta/" + bob, 200).at("/account/id").asText());
        answer("getAccountByMirror", "GET", "/accounts/mirror/beta/A-7", 404);
        JsonNode none = answer("getAccountByMirror", "GET", "/accounts/mirror/omega/A-7", 404);
        assertTrue(none.path("message").asText().contains("omega"), () -> "no case for omega: " + none);
    }

    @Test
    void aSampleOfTheCasesIsFoundByTheLookup() {
        JsonNode cases = fixture.model.behaviours().get("getAccountByMirror").detail();
        var sample = LookupBy.sample(cases, Map.of("system", "omega", "ref", "R-1"));
        assertEquals("alpha", sample.getKey().get("system"), "the first case's value, as omega has none");
        assertEquals("R-1", sample.getValue().path("alphaRef").asText());
        JsonNode inferred = fixture.model.behaviours().get("getAccountByLink").detail();
        var nested = LookupBy.sample(inferred, Map.of("linkType", "tallyhub", "linkId", "T-3"));
        assertEquals("{\"links\":[{\"type\":\"tallyhub\",\"id\":\"T-3\"}]}", nested.getValue().toString());
        assertTrue(LookupBy.finds(inferred.get(0).path("match"), nested.getKey(), nested.getValue()));
    }

    @Test
    void aBalanceIsComputedFromTheBillsOwnFields() {
        String part = issue("{\"amount\":100,\"state\":\"open\",\"payment\":{\"amount\":30,\"on\":\"2026-12-01T10:00:00Z\"}}");
        JsonNode balance = answer("getBillBalance", "GET", "/bills/" + part + "/balance", 200);
        assertEquals(part, balance.path("billId").asText());
        assertEquals(List.of(100.0, 30.0, 70.0), List.of(balance.path("total").asDouble(), balance.path("paid").asDouble(),
                balance.path("due").asDouble()), balance::toString);
        assertEquals("2026-12-01T10:00:00Z", balance.path("paidOn").asText());
        assertEquals("open", balance.path("state").asText());
        assertEquals("{\"due\":70}", "{\"due\":" + balance.get("due") + "}", "a whole number written as one");
        assertEquals("XTS", balance.path("currency").asText(), "a constant of the rule");
    }

    @Test
    void aSettledBillWithNoPaymentIsPaidInFullAndAnOverpaidOneOwesNothing() {
        String settled = issue("{\"amount\":40,\"state\":\"settled\"}");
        JsonNode balance = answer("getBillBalance", "GET", "/bills/" + settled + "/balance", 200);
        assertEquals(40, balance.path("paid").asDouble(), balance::toString);
        assertEquals(0, balance.path("due").asDouble(), balance::toString);
        assertFalse(balance.has("paidOn"), () -> "no payment date held, none answered: " + balance);
        String over = issue("{\"amount\":10,\"payment\":{\"amount\":12}}");
        assertEquals(0, answer("getBillBalance", "GET", "/bills/" + over + "/balance", 200).path("due").asDouble(), "not below 0");
        String open = issue("{\"amount\":25}");
        JsonNode unpaid = answer("getBillBalance", "GET", "/bills/" + open + "/balance", 200);
        assertEquals(List.of(0.0, 25.0), List.of(unpaid.path("paid").asDouble(), unpaid.path("due").asDouble()), unpaid::toString);
    }

    @Test
    void aBalanceOfABillNoOneIssuedIsA404() {
        JsonNode miss = answer("getBillBalance", "GET", "/bills/b-nobody/balance", 404);
        assertEquals("Bill b-nobody not found", miss.path("message").asText(), miss::toString);
    }

    private String open(String account) {
        return send("openAccount", "POST", "/accounts", account, 201).path("id").asText();
    }

    private String issue(String bill) {
        return send("issueBill", "POST", "/bills", bill, 201).path("id").asText();
    }

    private JsonNode answer(String operationId, String method, String path, int status) {
        return send(operationId, method, path, null, status);
    }

    private JsonNode send(String operationId, String method, String path, String body, int status) {
        return fixture.judged(operationId, method, path, body, status, errors);
    }
}
