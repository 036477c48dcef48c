package io.ticketing.systemtest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class against the shared stack, and prints the run's summary when the last class is done.
 * A class runs only in a JVM whose stack has its shape: {@code scaledOut} classes in the scale-out execution
 * (replicas and a NATS cluster), the others on the single stack, whatever {@code -Dit.test} selects.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemTest.StackExtension.class)
public @interface SystemTest {

    /** Needs the scaled-out stack (see {@link Stack}) rather than one instance of everything. */
    boolean scaledOut() default false;

    class StackExtension implements BeforeAllCallback, ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean wanted = context.getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, SystemTest.class))
                    .map(SystemTest::scaledOut).orElse(false);
            return wanted == Stack.scaledOut()
                    ? ConditionEvaluationResult.enabled("the stack has this test's shape")
                    : ConditionEvaluationResult.disabled(wanted
                            ? "needs the scaled-out stack (failsafe execution scale-out)"
                            : "runs on the single stack, not the scaled-out one");
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            Stack.get();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent("summary", k -> (AutoCloseable) () -> System.out.println(Summary.render()));
        }
    }
}
