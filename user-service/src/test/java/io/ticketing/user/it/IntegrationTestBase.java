package io.ticketing.user.it;

import io.nats.client.Connection;
import io.ticketing.platform.command.CommandClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@UserServiceIT
abstract class IntegrationTestBase {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    CommandClient commands;
    @Autowired
    Connection nats;
    @Autowired
    JdbcClient jdbc;

    UserApi api;

    @BeforeEach
    void client() {
        api = new UserApi(port, json, commands, nats);
    }

    long usersWithEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param(email).query(Long.class).single();
    }
}
