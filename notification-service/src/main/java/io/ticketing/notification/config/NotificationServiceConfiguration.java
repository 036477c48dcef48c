package io.ticketing.notification.config;

import java.time.Clock;

import io.ticketing.notification.application.port.out.LiveNotificationPublisher;
import io.ticketing.notification.application.port.out.MailDeliveryRepository;
import io.ticketing.notification.application.port.out.NotificationMailer;
import io.ticketing.notification.application.port.out.NotificationRepository;
import io.ticketing.notification.application.port.out.RecipientRepository;
import io.ticketing.notification.application.service.GetNotificationsService;
import io.ticketing.notification.application.service.LiveNotificationService;
import io.ticketing.notification.application.service.MarkNotificationReadService;
import io.ticketing.notification.application.service.RecordNotificationService;
import io.ticketing.notification.application.service.RememberRecipientService;
import io.ticketing.notification.application.service.SendDueMailsService;
import io.ticketing.platform.messaging.Ids;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases; the application core carries no Spring stereotypes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailSettings.class, LiveStreamSettings.class})
class NotificationServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RecordNotificationService recordNotificationService(NotificationRepository notifications,
            MailDeliveryRepository mails, LiveNotificationPublisher live, Clock clock) {
        return new RecordNotificationService(notifications, mails, live, Ids::newId, clock);
    }

    @Bean
    RememberRecipientService rememberRecipientService(RecipientRepository recipients) {
        return new RememberRecipientService(recipients);
    }

    @Bean
    GetNotificationsService getNotificationsService(NotificationRepository notifications) {
        return new GetNotificationsService(notifications);
    }

    @Bean
    MarkNotificationReadService markNotificationReadService(NotificationRepository notifications, Clock clock) {
        return new MarkNotificationReadService(notifications, clock);
    }

    @Bean
    SendDueMailsService sendDueMailsService(MailDeliveryRepository deliveries, NotificationRepository notifications,
            RecipientRepository recipients, NotificationMailer mailer, MailSettings settings, Clock clock) {
        return new SendDueMailsService(deliveries, notifications, recipients, mailer, settings.retry().policy(), clock);
    }

    @Bean
    LiveNotificationService liveNotificationService(NotificationRepository notifications,
            LiveStreamSettings settings) {
        // the gateway's heartbeat write fails first, then the service's at its next one
        return new LiveNotificationService(notifications, settings.maxStreamsPerUser(),
                settings.heartbeat().multipliedBy(3));
    }
}
