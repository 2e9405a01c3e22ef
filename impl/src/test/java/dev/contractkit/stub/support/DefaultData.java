package dev.contractkit.stub.support;

/**
 * The ids of the stub's default data (impl/src/main/resources/dev/contractkit/stub/default-data.json), named
 * once for every test; {@code DefaultDataTest} fails if the file stops holding them.
 */
public final class DefaultData {

    /** Vayu's seeded customer, "Acme Corp". */
    public static final String VAYU_CUSTOMER_ID = "5f1d7c2b9a3e4b5c6d7e8f90";
    /** Its path under /vayu. */
    public static final String VAYU_CUSTOMER = "/customers/" + VAYU_CUSTOMER_ID;
    /** Layer's seeded business. */
    public static final String LAYER_BUSINESS_ID = "3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607";
    /** Its seeded customer, Jane Roe. */
    public static final String LAYER_CUSTOMER_ID = "4f7c1b16-e057-4ec0-8b20-50308ba5b9ea";
    /** That customer's path under /layer. */
    public static final String LAYER_CUSTOMER = "/v1/businesses/" + LAYER_BUSINESS_ID + "/customers/" + LAYER_CUSTOMER_ID;

    private DefaultData() {
    }
}
