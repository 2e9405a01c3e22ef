package dev.contractkit.stub.support;

import dev.contractkit.stub.StubServer;
import dev.contractkit.admin.client.ApiClient;
import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generated admin client, pointed at a stub. */
public final class AdminClients {

    private AdminClients() {
    }

    public static AdminApi admin(StubServer stub) {
        return new AdminApi(new ApiClient().setBasePath(stub.baseUri() + "/__admin"));
    }

    public static ApiException assertRefused(int status, Executable call) {
        ApiException refused = assertThrows(ApiException.class, call);
        assertEquals(status, refused.getCode(), refused::getResponseBody);
        return refused;
    }
}
