package io.ticketing.ticket.support;

import io.ticketing.platform.security.ResourceServerAutoConfiguration;
import io.ticketing.platform.security.TokenSettings;
import io.ticketing.platform.test.TestTokens;
import io.ticketing.ticket.application.port.in.ConfirmTicketCommand;
import io.ticketing.ticket.application.port.in.RejectTicketCommand;
import io.ticketing.ticket.application.port.in.SettleReservationUseCase;
import io.ticketing.ticket.application.service.SettleReservationService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Shared by every IT (one Spring context): test tokens, a movable clock and the crash hook. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    /** Verifies {@link TestTokens} with the same issuer/audience rules as production, without a JWKS endpoint. */
    @Bean
    JwtDecoder testJwtDecoder(TokenSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(ResourceServerAutoConfiguration.validator(settings));
        return decoder;
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    CrashBeforeCommit crashBeforeCommit() {
        return new CrashBeforeCommit();
    }

    /** The real use case, with the crash hook run inside its (the inbox's) transaction. */
    @Bean
    @Primary
    SettleReservationUseCase crashingSettlement(SettleReservationService real, CrashBeforeCommit crash) {
        return new SettleReservationUseCase() {
            @Override
            public void confirm(ConfirmTicketCommand command) {
                real.confirm(command);
                crash.afterHandling(command.ticketId());
            }

            @Override
            public void reject(RejectTicketCommand command) {
                real.reject(command);
            }
        };
    }
}
