package io.ticketing.user.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.nats.client.Message;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.events.v1.UserRegistered;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.EmailAlreadyTaken;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.User;
import io.ticketing.user.domain.model.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RegisterUserIT extends IntegrationTestBase {

    @Autowired
    UserRepository users;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void registersOverNatsStoresTheRowAndPublishesExactlyOneEvent() throws Exception {
        String email = UserApi.uniqueEmail("new");

        CommandReply reply = api.register("  " + email.toUpperCase() + " ", PASSWORD, " Ann Lee ");

        assertThat(reply.hasSucceeded()).as(reply.toString()).isTrue();
        var body = api.body(reply);
        assertThat(body.path("email").asString()).isEqualTo(email);
        assertThat(body.path("fullName").asString()).isEqualTo("Ann Lee");
        assertThat(body.path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(body.path("id").asString()).isEqualTo(reply.getSucceeded().getResourceId());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "email", "fullName", "roles");
        assertThat(usersWithEmail(email)).isOne();

        await().atMost(Duration.ofSeconds(10)).until(() -> !api.registeredEvents(email).isEmpty());
        List<Message> events = api.registeredEvents(email);
        assertThat(events).hasSize(1);
        UserRegistered event = UserRegistered.parseFrom(events.getFirst().getData());
        assertThat(event.getUserId()).isEqualTo(body.path("id").asString());
        assertThat(event.getFullName()).isEqualTo("Ann Lee");
        assertThat(event.getRolesList()).containsExactly("USER");
        assertThat(Instant.ofEpochSecond(event.getRegisteredAt().getSeconds())).isAfter(Instant.now().minusSeconds(60));
        assertThat(events.getFirst().getHeaders().getFirst(MessageHeaders.EVENT_TYPE))
                .isEqualTo("ticketing.events.v1.UserRegistered");
    }

    @Test
    void invalidInputIsABadRequestWithEveryFieldAndNoRow() {
        CommandReply reply = api.register("not-an-email", "short", "");

        assertThat(reply.getProblem().getStatus()).isEqualTo(400);
        assertThat(reply.getProblem().getErrorsList()).extracting(e -> e.getField())
                .containsExactlyInAnyOrder("email", "password", "fullName");
        assertThat(usersWithEmail("not-an-email")).isZero();
    }

    @Test
    void aSecondRegistrationOfTheSameEmailIsAConflict() throws Exception {
        String email = UserApi.uniqueEmail("dup");
        api.registered(email, PASSWORD);

        CommandReply again = api.register(email.toUpperCase(), "another password", "Someone Else");

        assertThat(again.getProblem().getStatus()).isEqualTo(409);
        assertThat(again.getProblem().getType()).isEqualTo("urn:problem:ticketing:email-taken");
        assertThat(usersWithEmail(email)).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.registeredEvents(email).isEmpty());
        assertThat(api.registeredEvents(email)).hasSize(1);
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneUser() throws Exception {
        String email = UserApi.uniqueEmail("race");
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CommandReply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.register(email, PASSWORD, "Racer");
                }));
            }
            start.countDown();
            List<CommandReply> outcomes = new ArrayList<>();
            for (Future<CommandReply> reply : replies) {
                outcomes.add(reply.get());
            }
            assertThat(outcomes).filteredOn(CommandReply::hasSucceeded).hasSize(1);
            assertThat(outcomes).filteredOn(CommandReply::hasProblem)
                    .allSatisfy(r -> assertThat(r.getProblem().getStatus()).isEqualTo(409))
                    .hasSize(callers - 1);
        }
        assertThat(usersWithEmail(email)).isOne();
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.registeredEvents(email).isEmpty());
        assertThat(api.registeredEvents(email)).hasSize(1);
    }

    /** The unique index, not the existence check, is what decides a race: its violation becomes EMAIL_TAKEN. */
    @Test
    void theUniqueIndexViolationIsTranslatedToEmailTaken() {
        EmailAddress email = EmailAddress.parse(UserApi.uniqueEmail("index"));
        transactions.executeWithoutResult(s -> users.add(user(email)));

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> users.add(user(email))))
                .isInstanceOf(EmailAlreadyTaken.class);
        assertThat(usersWithEmail(email.value())).isOne();
    }

    private static User user(EmailAddress email) {
        return User.register(new UserId(UUID.randomUUID()), email, "Index", EnumSet.of(Role.USER), "$2a$04$x",
                Instant.now()).user();
    }
}
