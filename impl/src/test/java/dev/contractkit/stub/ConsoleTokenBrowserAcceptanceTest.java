package dev.contractkit.stub;

import dev.contractkit.stub.support.ConsoleBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A stub bound to 0.0.0.0, opened by this machine's network address: the console asks for the token once. */
class ConsoleTokenBrowserAcceptanceTest {

    private static final String TOKEN = "console-admin-token-for-tests";
    private static StubServer stub;
    private static ConsoleBrowser browser;
    private static String console;

    @BeforeAll
    static void start() {
        InetAddress address = networkAddress();
        Assumptions.assumeTrue(address != null, "this machine has no non-loopback IPv4 address");
        stub = StubServer.builder().host("0.0.0.0").adminToken(TOKEN).start();
        browser = ConsoleBrowser.start();
        console = "http://" + address.getHostAddress() + ":" + stub.port() + "/__admin/";
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void theConsoleAsksForTheTokenRefusesAWrongOneAndKeepsTheRightOneForTheTab() {
        browser.driver.get(console);

        browser.visible(By.id("token-dialog"));
        assertTrue(browser.driver.findElements(By.cssSelector("#operations-table tbody tr")).isEmpty(),
                "nothing is shown before the token");
        browser.type("token-input", "not-the-token");
        browser.byId("token-submit").click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"), "refused"));
        browser.screenshot("token-prompt");

        browser.type("token-input", TOKEN);
        browser.byId("token-submit").click();
        browser.waitUntilReady();
        assertFalse(browser.byId("token-dialog").isDisplayed());
        assertFalse(browser.driver.findElements(By.cssSelector("#operations-table tbody tr")).isEmpty());

        browser.driver.navigate().refresh();
        browser.waitUntilReady(); // no prompt: the tab kept the token
        assertFalse(browser.byId("token-dialog").isDisplayed());
        assertEquals(TOKEN, browser.driver.executeScript("return sessionStorage.getItem('contract-kit-admin-token');"));
    }

    /** An IPv4 address of this machine that is not loopback, so the browser reaches the stub as a neighbour would. */
    private static InetAddress networkAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                            return address;
                        }
                    }
                }
            }
            return null;
        } catch (SocketException e) {
            return null;
        }
    }
}
