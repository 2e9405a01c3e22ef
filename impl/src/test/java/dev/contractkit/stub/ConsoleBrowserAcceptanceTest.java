package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.ConsoleBrowser;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The sandbox console in a real browser, against a stub on loopback (no token). */
class ConsoleBrowserAcceptanceTest {

    private static final String LAYER_CUSTOMERS = "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";
    private static StubServer stub;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        stub = StubServer.builder().rateLimits("layer=10:5").start();
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        stub.close();
    }

    @BeforeEach
    void openConsole() {
        stub.reset();
        browser.errors(); // read, so each test sees only its own
        browser.driver.manage().window().setSize(ConsoleBrowser.DESKTOP);
        browser.open(stub.baseUri() + "/__admin/");
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void showsEveryOperationAndCollectionWithNoConsoleErrorsOnADesktopAndAPhone() throws ApiException {
        int operations = stub.adminClient().listOperations().getOperations().size();

        assertEquals(operations, browser.driver.findElements(By.cssSelector("#operations-table tbody tr")).size());
        assertTrue(browser.byId("operations-table").getText().contains("updateCustomer"));
        browser.visible(By.cssSelector("#collections-table button[data-path='" + LAYER_CUSTOMERS + "']"));
        assertTrue(browser.byId("rate-limits-table").getText().contains("layer"), "the Layer bucket is listed");
        browser.screenshot("console-desktop");

        browser.driver.manage().window().setSize(ConsoleBrowser.PHONE);
        String overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
        try {
            // Headless Chromium may report the new width before it has laid the page out again.
            browser.await().until(d -> ((Number) browser.driver.executeScript(overflow)).intValue() == 0);
        } catch (org.openqa.selenium.TimeoutException wider) {
            Object widest = browser.driver.executeScript("return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                    + ".filter(e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {"
                    + " if (getComputedStyle(a).overflowX !== 'visible') return false; } return true; })"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(', ');");
            throw new AssertionError("the page is wider than a phone (tables must scroll inside it): " + widest, wider);
        }
        browser.screenshot("console-phone");

        assertEquals(java.util.List.of(), browser.errors());
    }

    @Test
    void seedingThroughTheFormStoresTheCustomer() {
        new Select(browser.byId("item-vendor")).selectByValue("layer");
        browser.type("item-path", LAYER_CUSTOMERS);
        browser.type("item-json", "{\"external_id\": \"console-1\", \"individual_name\": \"Grace Hopper\"}");
        browser.byId("item-save").click();

        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), "Edit "));
        String id = browser.byId("editor-title").getText().substring("Edit ".length());
        StubHttp.Answer stored = StubHttp.send(HttpRequest.newBuilder(URI.create(stub.url(Vendor.LAYER) + LAYER_CUSTOMERS + "/" + id))
                .header("Authorization", "Bearer t").GET());
        assertEquals(200, stored.status());
        assertEquals("Grace Hopper", stored.body().at("/data/individual_name").asText());
    }

    @Test
    void storedDataIsShownAsTextNeverAsMarkup() throws ApiException {
        String name = "<img src=x id=injected>";
        stub.adminClient().seedResource("vayu", "/customers",
                java.util.Map.of("name", name));
        browser.driver.navigate().refresh();
        browser.waitUntilReady();

        browser.visible(By.cssSelector("#collections-table button[data-path='/customers']")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("items"), name));
        assertTrue(browser.driver.findElements(By.id("injected")).isEmpty(), "the name became an element");
    }

    @Test
    void anInvalidEditShowsTheFieldsErrorAndStoresNothing() {
        openFirstItem("/customers");
        String id = browser.byId("editor-title").getText().substring("Edit ".length());
        browser.type("item-json", "{\"id\": \"" + id + "\", \"name\": 5}");
        browser.byId("item-save").click();

        WebElement error = browser.visible(By.cssSelector("#item-errors li[data-param='name']"));
        assertTrue(error.getText().startsWith("name:"), error.getText());
        assertEquals("Acme Analytics", StubHttp.current(stub.url(Vendor.VAYU) + "/customers/" + id).get("name").asText());
    }

    @Test
    void deletingAnItemInThePageRemovesItFromTheVendorApi() {
        openFirstItem("/customers");
        String id = browser.byId("editor-title").getText().substring("Edit ".length());
        browser.byId("item-delete").click();

        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Deleted"));
        assertEquals(404, StubHttp.put(stub.url(Vendor.VAYU) + "/customers/" + id, "{}").status());
    }

    @Test
    void aRequestSentByTheTestAppearsInTheJournalWithItsAnswerAndACurl() {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\": \"Journal Probe\"}");

        WebElement row = browser.visible(By.xpath("//table[@id='journal-table']//tr[td[text()='" + DefaultData.VAYU_CUSTOMER + "']]"));
        assertTrue(row.getText().contains("updateCustomer") && row.getText().contains("200"), row.getText());
        row.click();

        assertTrue(browser.visible(By.id("entry-request")).getText().contains("Journal Probe"));
        assertTrue(browser.byId("entry-answer").getText().startsWith("200"), browser.byId("entry-answer").getText());
        String curl = browser.byId("entry-curl").getText();
        assertTrue(curl.startsWith("curl -X PUT '" + stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER + "'"), curl);
        assertTrue(curl.contains("-d '{\"name\":\"Journal Probe\"}'"), curl);
        // The whole page, an entry open: the README's picture of the console (docs/console.png).
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2300));
        browser.screenshot("console-whole-page");
    }

    @Test
    void theJournalFiltersByStatus() {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\": \"Fine\"}");
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"dueDays\": \"NET_45\"}");
        browser.await().until(d -> d.findElements(By.cssSelector("#journal-table tbody tr")).size() == 2);

        new Select(browser.byId("journal-status")).selectByValue("4xx");

        browser.await().until(d -> d.findElements(By.cssSelector("#journal-table tbody tr")).size() == 1);
        assertTrue(browser.byId("journal-table").getText().contains("400"));
    }

    @Test
    void theJournalFiltersByVendorAndByOperation() {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\": \"Vayu's\"}");
        StubHttp.send("GET", stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, null);
        browser.await().until(d -> d.findElements(By.cssSelector("#journal-table tbody tr")).size() == 2);

        new Select(browser.byId("journal-vendor")).selectByValue("layer");

        browser.await().until(d -> d.findElements(By.cssSelector("#journal-table tbody tr")).size() == 1);
        assertTrue(browser.byId("journal-table").getText().contains("getCustomer"), browser.byId("journal-table").getText());

        new Select(browser.byId("journal-vendor")).selectByValue("");
        browser.type("journal-operation", "updateCustomer");

        browser.await().until(d -> d.findElements(By.cssSelector("#journal-table tbody tr")).size() == 1
                && d.findElement(By.id("journal-table")).getText().contains("updateCustomer"));
        assertTrue(browser.byId("journal-table").getText().contains("vayu"), browser.byId("journal-table").getText());
    }

    @Test
    void clearingAFaultInThePageDisarmsIt() {
        var armed = StubHttp.send("POST", stub.baseUri() + "/__admin/faults",
                "{\"vendor\":\"vayu\",\"operation\":\"updateCustomer\",\"kind\":\"status\",\"status\":503}");
        assertEquals(201, armed.status(), armed.body()::toString);

        browser.visible(By.cssSelector("#faults-table tbody tr[data-fault] button")).click();

        browser.await().until(d -> d.findElements(By.cssSelector("#faults-table tbody tr[data-fault]")).isEmpty());
        assertEquals(200, StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}").status());
    }

    @Test
    void armingAFaultInThePageMakesTheNextVendorCallFailAsArmed() {
        new Select(browser.byId("fault-vendor")).selectByValue("vayu");
        new Select(browser.byId("fault-operation")).selectByValue("updateCustomer");
        new Select(browser.byId("fault-kind")).selectByValue("status");
        browser.type("fault-status", "503");
        browser.type("fault-times", "1");
        browser.byId("fault-arm").click();

        browser.visible(By.cssSelector("#faults-table tbody tr[data-fault]"));
        browser.visible(By.cssSelector("#operations-table tr[data-operation='vayu/updateCustomer'] .badge.faulted"));
        assertEquals(503, StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}").status());
        assertEquals(200, StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}").status());
    }

    @Test
    void resettingToEmptyLeavesNoItems() {
        browser.byId("reset-empty").click();

        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Reset to empty"));
        assertEquals(404, StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}").status());
    }

    private static void openFirstItem(String collectionPath) {
        browser.visible(By.cssSelector("#collections-table button[data-path='" + collectionPath + "']")).click();
        browser.visible(By.cssSelector("#items button[data-id]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor-title"), "Edit "));
    }
}
