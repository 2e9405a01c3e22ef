package dev.contractkit.stub.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.admin.server.api.AdminApi;
import dev.contractkit.admin.server.model.CollectionList;
import dev.contractkit.admin.server.model.CollectionInfo;
import dev.contractkit.admin.server.model.CustomerList;
import dev.contractkit.admin.server.model.OperationList;
import dev.contractkit.admin.server.model.OperationInfo;
import dev.contractkit.admin.server.model.ResourceList;
import dev.contractkit.admin.server.model.Subscription;
import dev.contractkit.admin.server.model.SubscriptionList;
import dev.contractkit.stub.engine.Behaviour;
import dev.contractkit.stub.engine.Seeder;
import dev.contractkit.stub.store.ResourceStore;
import java.util.ArrayList;
import java.util.Locale;
import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.admin.server.model.FaultList;
import dev.contractkit.admin.server.model.Health;
import dev.contractkit.admin.server.model.JournalEntryList;
import dev.contractkit.admin.server.model.RateLimitBucket;
import dev.contractkit.admin.server.model.RateLimitList;
import dev.contractkit.admin.server.model.ResetRequest;
import dev.contractkit.stub.StubState;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.journal.Recorded;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The generated admin interface, implemented over the stub's state. */
public final class AdminResource implements AdminApi {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    /** Where the customer endpoints of the first admin API (kept for their users) find customers. */
    private static final String VAYU_CUSTOMERS = "/customers";

    private final StubState state;

    @Inject
    public AdminResource(StubState state) {
        this.state = state;
    }

    @Override
    public Health getHealth() {
        return state.down().map(reason -> new Health().status(Health.StatusEnum.DOWN).reason(reason))
                .orElseGet(() -> new Health().status(Health.StatusEnum.UP));
    }

    @Override
    public void resetState(ResetRequest request) {
        state.reset(request == null || request.getTo() != ResetRequest.ToEnum.EMPTY);
    }

    @Override
    public CustomerList listVayuCustomers() {
        return new CustomerList().customers(items(Vendor.VAYU, VAYU_CUSTOMERS));
    }

    @Override
    public Map<String, Object> seedVayuCustomer(Map<String, Object> customer) {
        return seedResource(Vendor.VAYU.prefix(), VAYU_CUSTOMERS, customer);
    }

    @Override
    public Map<String, Object> getVayuCustomer(String customerId) {
        return getResource(Vendor.VAYU.prefix(), VAYU_CUSTOMERS + "/" + customerId);
    }

    @Override
    public void deleteVayuCustomer(String customerId) {
        deleteResource(Vendor.VAYU.prefix(), VAYU_CUSTOMERS + "/" + customerId);
    }

    @Override
    public CustomerList listLayerCustomers(String businessId) {
        return new CustomerList().customers(items(Vendor.LAYER, layerCustomers(businessId)));
    }

    @Override
    public Map<String, Object> seedLayerCustomer(String businessId, Map<String, Object> customer) {
        return seedResource(Vendor.LAYER.prefix(), layerCustomers(businessId), customer);
    }

    @Override
    public Map<String, Object> getLayerCustomer(String businessId, String customerId) {
        return getResource(Vendor.LAYER.prefix(), layerCustomers(businessId) + "/" + customerId);
    }

    @Override
    public void deleteLayerCustomer(String businessId, String customerId) {
        deleteResource(Vendor.LAYER.prefix(), layerCustomers(businessId) + "/" + customerId);
    }

    @Override
    public OperationList listOperations() {
        List<OperationInfo> operations = new ArrayList<>();
        for (Vendor vendor : state.vendors()) {
            var model = state.vendor(vendor).model();
            for (var operation : state.spec(vendor).operations()) {
                Behaviour behaviour = model.behaviour(operation);
                operations.add(new OperationInfo().vendor(vendor.prefix())
                        .operationId(operation.id()).method(operation.method().toUpperCase(Locale.ROOT))
                        .path(operation.pathTemplate())
                        .servedAs(OperationInfo.ServedAsEnum.fromValue(behaviour.servedAs()))
                        .behaviour(behaviour.kind().name().toLowerCase(Locale.ROOT))
                        .collection(behaviour.collection() == null ? null : behaviour.collection().template())
                        .reason(behaviour.reason()));
            }
        }
        return new OperationList().operations(operations);
    }

    @Override
    public SubscriptionList listSubscriptions() {
        List<Subscription> subscriptions = new ArrayList<>();
        for (Vendor vendor : state.vendors()) {
            for (var kept : state.vendor(vendor).engine().subscriptions()) {
                subscriptions.add(new Subscription().vendor(vendor.prefix()).operationId(kept.operationId()).path(kept.path())
                        .scope(kept.scope()).id(kept.id()).callback(kept.callback())
                        .events(kept.events()).subscription(map(vendor, kept.item())));
            }
        }
        return new SubscriptionList().subscriptions(subscriptions);
    }

    @Override
    public CollectionList listCollections() {
        List<CollectionInfo> collections = new ArrayList<>();
        for (Vendor vendor : state.vendors()) {
            Map<String, Map<String, Integer>> counts = state.vendor(vendor).store().counts();
            for (var collection : state.vendor(vendor).model().collections()) {
                collections.add(new CollectionInfo().vendor(vendor.prefix())
                        .collection(collection.template())
                        .idField(collection.idField())
                        .scopes(new java.util.TreeMap<>(counts.getOrDefault(collection.template(), Map.of()))));
            }
        }
        return new CollectionList().collections(collections);
    }

    @Override
    public ResourceList listResources(String vendor, String path) {
        return new ResourceList().items(items(served(vendor), path));
    }

    @Override
    public Map<String, Object> seedResource(String vendor, String path, Map<String, Object> item) {
        Vendor v = served(vendor);
        return map(v, state.seed(v, path, v.json().valueToTree(item)));
    }

    @Override
    public Map<String, Object> getResource(String vendor, String path) {
        Vendor v = served(vendor);
        item(v, path); // 404 naming the collections when the path is in none
        return map(v, state.stored(v, path).orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "No item at " + path)));
    }

    @Override
    public void deleteResource(String vendor, String path) {
        Vendor v = served(vendor);
        Item at = item(v, path);
        state.vendor(v).store().inScope(at.where().collection().template(), at.where().scope(), false,
                s -> s.remove(at.id())).orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "No item at " + path));
    }

    private record Item(Seeder.Placed where, String id) {
    }

    /** An item's path: its collection's path and the id after it. */
    private Item item(Vendor vendor, String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            throw new StubException(ErrorKind.NOT_FOUND, "No item at " + path);
        }
        return new Item(state.vendor(vendor).seeder().locate(path.substring(0, slash)), path.substring(slash + 1));
    }

    private List<Map<String, Object>> items(Vendor vendor, String path) {
        Seeder.Placed where = state.vendor(vendor).seeder().locate(path);
        List<ObjectNode> items = state.vendor(vendor).store().inScope(where.collection().template(), where.scope(),
                where.collection().scopeParams().isEmpty(), ResourceStore.Scope::items)
                .orElseThrow(() -> new StubException(ErrorKind.NOT_FOUND, "Nothing at " + path));
        return items.stream().map(c -> map(vendor, c)).toList();
    }

    private static String layerCustomers(String businessId) {
        return "/v1/businesses/" + businessId + "/customers";
    }

    @Override
    public JournalEntryList listRequests(String vendor, String operation) {
        if (vendor != null) {
            served(vendor);
        }
        Predicate<Recorded> filter = r -> (vendor == null || vendor.equals(r.vendor()))
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
        served(fault.getVendor());
        return state.faults().arm(fault);
    }

    @Override
    public RateLimitList listRateLimits() {
        return new RateLimitList().buckets(state.rateLimits().buckets().stream().map(b -> new RateLimitBucket()
                .vendor(b.vendor().prefix()).perSecond(b.perSecond()).burst(b.burst())
                .remaining(b.remaining())).toList());
    }

    @Override
    public void clearFaults() {
        state.faults().clear();
    }

    @Override
    public void clearFault(String faultId) {
        deleted(state.faults().clear(faultId), "fault " + faultId);
    }

    /** The vendor the admin API names, among those this stub serves; else a 404 naming those it serves. */
    private Vendor served(String name) {
        Vendor vendor = name == null ? null : Vendor.byPrefix(name);
        if (vendor == null || !state.vendors().contains(vendor)) {
            throw new StubException(ErrorKind.NOT_FOUND, "No vendor " + name + ": the stub serves "
                    + String.join(", ", state.vendors().stream().map(Vendor::prefix).toList()));
        }
        return vendor;
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
