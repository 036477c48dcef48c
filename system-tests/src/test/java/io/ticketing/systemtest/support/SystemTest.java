package io.ticketing.systemtest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test class against the shared stack, and prints the run's summary when the last class is done. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemTest.StackExtension.class)
public @interface SystemTest {

    class StackExtension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Stack.get();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent("summary", k -> (AutoCloseable) () -> System.out.println(Summary.render()));
        }
    }
}
