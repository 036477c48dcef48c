package io.ticketing.user.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.ticketing.platform.test.ServiceIntegrationTest;
import org.springframework.test.context.ActiveProfiles;

/** The one Spring context every integration test of this service shares (profile {@code it}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@ActiveProfiles("it")
@interface UserServiceIT {
}
