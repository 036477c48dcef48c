package io.ticketing.systemtest.support;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A logged-in user of the public API. */
public record Session(String userId, String email, String password, String accessToken, String refreshToken, Api api) {

    public static Session register(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Secret-" + UUID.randomUUID();
        Api anonymous = Api.anonymous();
        Api.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("email", email, "password", password, "fullName", name));
        assertThat(registered.status()).as("register %s: %s", email, registered).isEqualTo(201);
        Summary.count("users registered");
        return login(email, password);
    }

    public static Session login(String email, String password) {
        Api.Response login = Api.anonymous().post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as("login %s: %s", email, login).isEqualTo(200);
        String access = login.text("accessToken");
        Api api = Api.anonymous().as(access);
        Api.Response me = api.get("/api/v1/users/me");
        assertThat(me.status()).as("me: %s", me).isEqualTo(200);
        return new Session(me.text("id"), email, password, access, login.text("refreshToken"), api);
    }

    public static Session admin() {
        Stack stack = Stack.get();
        return login(stack.adminEmail(), stack.adminPassword());
    }
}
