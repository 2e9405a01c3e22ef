package dev.contractkit.stub.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.admin.server.api.AdminApi;
import dev.contractkit.admin.server.model.CustomerList;
import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.admin.server.model.FaultList;
import dev.contractkit.admin.server.model.Health;
import dev.contractkit.admin.server.model.JournalEntryList;
import dev.contractkit.admin.server.model.ResetRequest;
import dev.contractkit.admin.server.model.VendorName;
import dev.contractkit.stub.StubState;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.journal.Recorded;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The generated admin interface, implemented over the stub's state. */
public final class AdminResource implements AdminApi {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private static final String VAYU_SCOPE = dev.contractkit.stub.vayu.VayuCustomers.SCOPE;

    private final StubState state;

    @Inject
    public AdminResource(StubState state) {
        this.state = state;
    }

    @Override
    public Health getHealth() {
        return new Health().status(Health.StatusEnum.UP);
    }

    @Override
    public void resetState(ResetRequest request) {
        state.reset(request == null || request.getTo() != ResetRequest.ToEnum.EMPTY);
    }

    @Override
    public CustomerList listVayuCustomers() {
        return list(Vendor.VAYU, VAYU_SCOPE);
    }

    @Override
    public Map<String, Object> seedVayuCustomer(Map<String, Object> customer) {
        return map(Vendor.VAYU, state.seed(Vendor.VAYU, VAYU_SCOPE, Vendor.VAYU.json().valueToTree(customer)));
    }

    @Override
    public Map<String, Object> getVayuCustomer(String customerId) {
        return map(Vendor.VAYU, found(state.store(Vendor.VAYU).get(VAYU_SCOPE, customerId), customerId));
    }

    @Override
    public void deleteVayuCustomer(String customerId) {
        deleted(state.store(Vendor.VAYU).delete(VAYU_SCOPE, customerId), "customer " + customerId);
    }

    @Override
    public CustomerList listLayerCustomers(String businessId) {
        return list(Vendor.LAYER, businessId);
    }

    @Override
    public Map<String, Object> seedLayerCustomer(String businessId, Map<String, Object> customer) {
        return map(Vendor.LAYER, state.seed(Vendor.LAYER, businessId, Vendor.LAYER.json().valueToTree(customer)));
    }

    @Override
    public Map<String, Object> getLayerCustomer(String businessId, String customerId) {
        return map(Vendor.LAYER, found(state.store(Vendor.LAYER).get(businessId, customerId), customerId));
    }

    @Override
    public void deleteLayerCustomer(String businessId, String customerId) {
        deleted(state.store(Vendor.LAYER).delete(businessId, customerId), "customer " + customerId);
    }

    @Override
    public JournalEntryList listRequests(VendorName vendor, String operation) {
        Predicate<Recorded> filter = r -> (vendor == null || vendor.toString().equals(r.vendor()))
                && (operation == null || operation.equals(r.operation()));
        return new JournalEntryList().requests(state.journal().find(filter).stream().map(JournalEntries::of).toList());
    }

    @Override
    public void clearRequests() {
        state.journal().clear();
    }

    @Override
    public FaultList listFaults() {
        return new FaultList().faults(state.faults().list());
    }

    @Override
    public Fault armFault(Fault fault) {
        return state.faults().arm(fault);
    }

    @Override
    public void clearFaults() {
        state.faults().clear();
    }

    @Override
    public void clearFault(String faultId) {
        deleted(state.faults().clear(faultId), "fault " + faultId);
    }

    private CustomerList list(Vendor vendor, String scope) {
        List<ObjectNode> customers = state.store(vendor).list(scope)
                .orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "No business " + scope));
        return new CustomerList().customers(customers.stream().map(c -> map(vendor, c)).toList());
    }

    private static ObjectNode found(java.util.Optional<ObjectNode> customer, String id) {
        return customer.orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "No customer " + id));
    }

    private static void deleted(boolean deleted, String what) {
        if (!deleted) {
            throw new StubException(ErrorKind.NOT_FOUND, "No " + what);
        }
    }

    private static Map<String, Object> map(Vendor vendor, ObjectNode customer) {
        ObjectMapper json = vendor.json();
        return json.convertValue(customer, MAP);
    }
}
