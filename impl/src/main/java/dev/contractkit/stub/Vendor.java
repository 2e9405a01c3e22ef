package dev.contractkit.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.spec.Json;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.PackagedSpecs;
import dev.contractkit.stub.vendor.VendorRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vendor the stub serves: one spec file, specs/NAME.yaml, served under /NAME. What it does beyond its spec is
 * its {@link VendorRules}: defaults for a vendor that is only a file, Java of its own for the few that need it.
 */
public final class Vendor {

    private static final Map<String, Vendor> NAMED = new ConcurrentHashMap<>();
    private static volatile Map<String, VendorRules> rulesByName;

    /** Conveniences for the two vendors the kit ships with; any other is {@link #named(String)}. */
    public static final Vendor VAYU = named(dev.contractkit.stub.vayu.VayuRules.NAME);
    public static final Vendor LAYER = named(dev.contractkit.stub.layer.LayerRules.NAME);

    private final String name;
    private final VendorRules rules;
    private final ObjectMapper json;
    private volatile ErrorFormat errors;

    private Vendor(String name) {
        this.name = name;
        this.rules = rules(name);
        this.json = Json.mapper(rules.inclusion());
    }

    /** The vendor of specs/NAME.yaml (whether the stub packages it or not: see {@link #packaged()}). */
    public static Vendor named(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a vendor is named by its spec file, specs/NAME.yaml; was '" + name + "'");
        }
        return NAMED.computeIfAbsent(name, Vendor::new);
    }

    /** Every vendor whose spec the stub packages (specs/*.yaml but the admin API's), in name order. */
    public static List<Vendor> packaged() {
        return PackagedSpecs.vendors().stream().map(Vendor::named).toList();
    }

    /** The packaged vendor whose path prefix this is, or null. */
    public static Vendor byPrefix(String prefix) {
        return prefix != null && PackagedSpecs.vendors().contains(prefix) ? named(prefix) : null;
    }

    /** The path segment it is served under and the name of its spec file. */
    public String prefix() {
        return name;
    }

    /** The package of its generated JAX-RS interfaces, as the build generated them. */
    public String serverApiPackage() {
        return GeneratedPackages.SERVER.of(name, "apiPackage");
    }

    /** The root package of its generated client (ApiClient, JSON; .api, .model), as the build generated it. */
    public String clientPackage() {
        return GeneratedPackages.CLIENT.of(name, "package");
    }

    public int bodyLimit() {
        return rules.bodyLimit();
    }

    /** Its error bodies: built once, from its packaged spec when its rules read them from there. */
    public ErrorFormat errors() {
        ErrorFormat made = errors;
        if (made == null) {
            made = rules.errors(OpenApiSpec.load(name));
            errors = made;
        }
        return made;
    }

    public ObjectMapper json() {
        return json;
    }

    public int documentedRatePerSecond() {
        return rules.documentedRatePerSecond();
    }

    public boolean sendsRateLimitHeaders() {
        return rules.sendsRateLimitHeaders();
    }

    public Engine.WriteRule writeRule() {
        return rules.writeRule();
    }

    public Engine.AnswerRule answerRule(byte[] jwtSecret) {
        return rules.answerRule(jwtSecret);
    }

    public Engine.NotFound notFound() {
        return rules.notFound();
    }

    @Override
    public String toString() {
        return name;
    }

    private static VendorRules rules(String name) {
        Map<String, VendorRules> known = rulesByName;
        if (known == null) {
            Map<String, VendorRules> found = new ConcurrentHashMap<>();
            for (VendorRules rules : ServiceLoader.load(VendorRules.class, Vendor.class.getClassLoader())) {
                found.put(rules.name().toLowerCase(Locale.ROOT), rules);
            }
            rulesByName = known = found;
        }
        VendorRules own = known.get(name.toLowerCase(Locale.ROOT));
        return own != null ? own : () -> name;
    }
}
