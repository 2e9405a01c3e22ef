package dev.contractkit.contract;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.engine.Collection;
import java.util.Map;

/** The stub's collections as examples name them: "customers" is the collection whose path ends so. */
final class StubCollections {

    private StubCollections() {
    }

    /** The concrete path of the named collection, its scope filled from the example's path parameters. */
    static String path(StubServer stub, String vendor, String name, Map<String, String> pathParams) {
        java.util.Collection<Collection> collections = stub.state().vendor(StubVendors.of(vendor)).model().collections();
        for (Collection collection : collections) {
            if (collection.template().endsWith("/" + name)) {
                return PathTemplates.fillRaw(collection.template(), pathParams);
            }
        }
        throw new AssertionError("an example gives " + name + ", which is no collection of " + vendor + ": "
                + collections.stream().map(Collection::template).toList());
    }
}
