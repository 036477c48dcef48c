package io.ticketing.notification.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real GreenMail SMTP server on a free port, with mails sent to it over SMTP. */
class EmbeddedMailTrimmerTest {

    private GreenMail server;

    @BeforeEach
    void startServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void keepsMailsUpToTheLimit() {
        send(2);

        assertThat(new EmbeddedMailTrimmer(server, 2).trim()).isZero();
        assertThat(server.getReceivedMessages()).hasSize(2);
    }

    @Test
    void dropsTheHeldMailsOnceThereAreMoreThanTheLimit() {
        send(3);

        assertThat(new EmbeddedMailTrimmer(server, 2).trim()).isEqualTo(3);
        assertThat(server.getReceivedMessages()).isEmpty();
        send(1);
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void leavesAServerThatWasNeverStartedAlone() {
        GreenMail off = new GreenMail(new ServerSetup(server.getSmtp().getPort() + 1, "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        EmbeddedMailTrimmer trimmer = new EmbeddedMailTrimmer(off, 2);

        trimmer.start();

        assertThat(trimmer.isRunning()).isFalse();
        assertThat(off.isRunning()).isFalse();
        // what the context does when it closes: stopping a server that never listened is harmless
        off.stop();
    }

    private void send(int mails) {
        for (int i = 0; i < mails; i++) {
            GreenMailUtil.sendTextEmail("traveller" + i + "@example.com", "tickets@ticketing.local", "Booked",
                    "Ticket " + i, server.getSmtp().getServerSetup());
        }
    }
}
