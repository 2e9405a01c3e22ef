package com.example.sync;

import dev.contractkit.layer.client.api.CustomersApi;
import dev.contractkit.vayu.client.model.Contact;
import java.util.List;
import java.util.Map;

/**
 * Keeps a customer's name and email the same in billing (Vayu) and accounting (Layer), retrying a vendor
 * that answers 429 after the wait it asks for.
 */
public final class CustomerSync {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    public interface Pause {
        void seconds(long seconds) throws InterruptedException;
    }

    private static final int ATTEMPTS = 3;

    private final dev.contractkit.vayu.client.api.CustomersApi vayu;
    private final CustomersApi layer;
    private final Pause pause;

    public CustomerSync(String vayuUrl, String vayuToken, String layerUrl, String layerToken, Pause pause) {
        var vayuClient = new dev.contractkit.vayu.client.ApiClient().setBasePath(vayuUrl);
        vayuClient.setBearerToken(vayuToken);
        var layerClient = new dev.contractkit.layer.client.ApiClient().setBasePath(layerUrl);
        layerClient.setBearerToken(layerToken);
        this.vayu = new dev.contractkit.vayu.client.api.CustomersApi(vayuClient);
        this.layer = new CustomersApi(layerClient);
        this.pause = pause;
    }

    public void sync(CustomerRecord customer) throws SyncException, InterruptedException {
        withRetries("vayu", () -> vayu.updateCustomer(customer.vayuId(),
                new dev.contractkit.vayu.client.model.UpdateCustomerRequest().name(customer.name())
                        .contacts(List.of(new Contact().name(customer.name()).email(customer.email())))));
        withRetries("layer", () -> layer.updateCustomer(customer.layerBusinessId(), customer.layerCustomerId(),
                new dev.contractkit.layer.client.model.UpdateCustomerRequest().individualName(customer.name())
                        .email(customer.email())));
    }

    private interface Call {
        void run() throws Exception;
    }

    private void withRetries(String vendor, Call call) throws SyncException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (dev.contractkit.vayu.client.ApiException e) {
                retryOrFail(vendor, attempt, e.getCode(), e.getResponseHeaders(), e.getResponseBody());
            } catch (dev.contractkit.layer.client.ApiException e) {
                retryOrFail(vendor, attempt, e.getCode(), e.getResponseHeaders(), e.getResponseBody());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void retryOrFail(String vendor, int attempt, int status, Map<String, List<String>> headers, String body)
            throws SyncException, InterruptedException {
        if (status != 429 || attempt == ATTEMPTS) {
            throw new SyncException(vendor, status, body);
        }
        pause.seconds(retryAfter(headers));
    }

    /** Retry-After in seconds; the JDK server spells header names its own way, so any case matches. */
    private static long retryAfter(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
                .map(h -> Long.parseLong(h.getValue().get(0))).findFirst().orElse(1L);
    }
}
