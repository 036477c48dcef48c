package io.ticketing.gateway.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A client for the running gateway. */
@GatewayIntegrationTest
public abstract class GatewayITSupport {

    @LocalServerPort
    protected int port;

    protected WebTestClient http;

    @BeforeEach
    void connectClient() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
