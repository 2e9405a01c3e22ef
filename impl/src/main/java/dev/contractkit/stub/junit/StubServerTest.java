package dev.contractkit.stub.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One stub server for the test class, with the defaults (a free port, the embedded data), reset before each
 * test; a {@link dev.contractkit.stub.StubServer} parameter gets it. For other options register a
 * {@link StubServerExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited // a shared base test class can carry it
@ExtendWith(StubServerExtension.class)
public @interface StubServerTest {
}
