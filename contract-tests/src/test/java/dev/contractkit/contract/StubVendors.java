package dev.contractkit.contract;

import dev.contractkit.stub.Vendor;

/** The stub's vendor of a spec name: the one place the tests turn a vendor's name into the stub's type. */
final class StubVendors {

    private StubVendors() {
    }

    static Vendor of(String specName) {
        Vendor vendor = Vendor.byPrefix(specName);
        if (vendor == null) {
            throw new AssertionError("the stub serves no vendor for specs/" + specName + ".yaml");
        }
        return vendor;
    }
}
