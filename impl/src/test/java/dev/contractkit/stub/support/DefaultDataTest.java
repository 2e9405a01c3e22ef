package dev.contractkit.stub.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The constants of {@link DefaultData} are the default data's own ids, read from the file the stub loads. */
class DefaultDataTest {

    @Test
    void theConstantsAreTheIdsTheDefaultDataHolds() throws Exception {
        JsonNode data;
        try (InputStream in = DefaultData.class.getResourceAsStream("/dev/contractkit/stub/default-data.json")) {
            data = new ObjectMapper().readTree(in);
        }
        assertEquals(data.at("/vayu/customers/0/id").asText(), DefaultData.VAYU_CUSTOMER_ID);
        assertEquals(data.at("/layer/businesses/0/id").asText(), DefaultData.LAYER_BUSINESS_ID);
        assertEquals(data.at("/layer/businesses/0/customers/0/id").asText(), DefaultData.LAYER_CUSTOMER_ID);
    }
}
