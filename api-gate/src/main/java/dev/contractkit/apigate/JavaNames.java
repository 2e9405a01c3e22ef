package dev.contractkit.apigate;

import javassist.CtBehavior;
import javassist.bytecode.Descriptor;

/** Java names as a reader writes them: nested classes with a dot, types in signatures without their package. */
final class JavaNames {

    private JavaNames() {
    }

    /** {@code dev.x.Outer$Inner} → {@code dev.x.Outer.Inner}. */
    static String qualified(String binaryName) {
        return binaryName.replace('$', '.');
    }

    /** {@code dev.x.Outer$Inner} → {@code Outer.Inner}; {@code java.util.List} → {@code List}. */
    static String simple(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return qualified(binaryName.substring(dot + 1));
    }

    /** {@code customer(UpdateCustomerResponseCustomer)}; a constructor is named after its class. */
    static String signature(CtBehavior behavior) {
        String name = behavior.getMethodInfo().isConstructor() ? simple(behavior.getDeclaringClass().getName()) : behavior.getName();
        String parameters = Descriptor.toString(behavior.getSignature());
        StringBuilder out = new StringBuilder(name).append('(');
        String inner = parameters.substring(1, parameters.length() - 1);
        if (!inner.isEmpty()) {
            String[] types = inner.split(",");
            for (int i = 0; i < types.length; i++) {
                out.append(i == 0 ? "" : ", ").append(simple(types[i]));
            }
        }
        return out.append(')').toString();
    }
}
