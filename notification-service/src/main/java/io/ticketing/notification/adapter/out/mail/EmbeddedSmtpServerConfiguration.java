package io.ticketing.notification.adapter.out.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ticketing.notification.config.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real SMTP server inside the service (GreenMail) for the local stack, where no mail server runs: mails
 * are accepted and kept in memory, at most {@code ticketing.mail.embedded-server.keep} of them. Turned off with
 * {@code SMTP_EMBEDDED=false} wherever a real server exists. The switch is read when the service starts, not by a
 * condition: the bean definitions are prepared at build time (Spring AOT), so the server object always exists and
 * is only started, and its mails only trimmed, when the switch is on.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedSmtpServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServerConfiguration.class);

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(MailSettings settings, @Value("${spring.mail.port}") int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, settings.embeddedServer().bindAddress(),
                ServerSetup.PROTOCOL_SMTP));
        if (settings.embeddedServer().enabled()) {
            server.start();
            log.info("Embedded SMTP server listening on {}:{}", settings.embeddedServer().bindAddress(), port);
        }
        return server;
    }

    @Bean
    EmbeddedMailTrimmer embeddedMailTrimmer(GreenMail embeddedSmtpServer, MailSettings settings) {
        return new EmbeddedMailTrimmer(embeddedSmtpServer, settings.embeddedServer().keep());
    }
}
