package dev.contractkit.apigate;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javassist.CtClass;
import javassist.CtField;
import javassist.Modifier;
import javassist.bytecode.AccessFlag;

/**
 * What a generated class stands for on the wire, whatever its Java name: a model's JSON property names (its
 * {@code JSON_PROPERTY_*} constants), an enum's constants. Two classes of one shape are one schema under two names.
 */
record Shape(Set<String> names, Map<String, String> fieldTypes) {

    static Shape of(CtClass type) {
        Set<String> names = new TreeSet<>();
        Map<String, String> fieldTypes = new TreeMap<>();
        for (CtField field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if ((field.getFieldInfo2().getAccessFlags() & AccessFlag.ENUM) != 0) {
                names.add("enum " + field.getName());
            } else if (Modifier.isStatic(modifiers) && field.getName().startsWith("JSON_PROPERTY_")
                    && field.getConstantValue() instanceof String json) {
                names.add(json);
            } else if (!Modifier.isStatic(modifiers)) {
                String generic = field.getGenericSignature();
                fieldTypes.put(field.getName(), generic != null ? generic : field.getFieldInfo2().getDescriptor());
            }
        }
        return new Shape(names, fieldTypes);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /**
     * The same wire shape, field by field, once the old class's own name (and its nested classes') is read as
     * the new one's: {@code UpdateCustomerResponseCustomer$DueDaysEnum} and {@code Customer$DueDaysEnum} match.
     */
    boolean sameWireAs(Shape other, String ownName, String otherName) {
        if (!names.equals(other.names) || !fieldTypes.keySet().equals(other.fieldTypes.keySet())) {
            return false;
        }
        String own = "L" + ownName.replace('.', '/');
        String renamed = "L" + otherName.replace('.', '/');
        return fieldTypes.entrySet().stream().allMatch(field -> field.getValue().replace(own + ";", renamed + ";")
                .replace(own + "$", renamed + "$").equals(other.fieldTypes.get(field.getKey())));
    }
}
