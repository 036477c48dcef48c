package io.ticketing.gateway.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services answer HTTP ({@code ticketing.services.*}): one URL per replica, comma-separated in the
 * environment ({@code TICKET_SERVICE_URL=http://10.0.0.5:8083,http://10.0.0.6:8083}). Routes and clients address
 * a service by its id ({@link #balanced}); the load balancer picks a healthy replica for each request.
 */
@ConfigurationProperties("ticketing.services")
public record ServiceUrls(
        @DefaultValue("http://127.0.0.1:8081") List<URI> user,
        @DefaultValue("http://127.0.0.1:8082") List<URI> train,
        @DefaultValue("http://127.0.0.1:8083") List<URI> ticket,
        @DefaultValue("http://127.0.0.1:8084") List<URI> notification) {

    public static final String USER = "user-service";
    public static final String TRAIN = "train-service";
    public static final String TICKET = "ticket-service";
    public static final String NOTIFICATION = "notification-service";

    public ServiceUrls {
        user = List.copyOf(user);
        train = List.copyOf(train);
        ticket = List.copyOf(ticket);
        notification = List.copyOf(notification);
    }

    /** The replicas of every service, by service id. */
    public Map<String, List<URI>> byServiceId() {
        Map<String, List<URI>> services = new LinkedHashMap<>();
        services.put(USER, user);
        services.put(TRAIN, train);
        services.put(TICKET, ticket);
        services.put(NOTIFICATION, notification);
        return services;
    }

    /** The address routes use for a service: {@code lb://<service id>}, resolved per request to one replica. */
    public static URI balanced(String serviceId) {
        return URI.create("lb://" + serviceId);
    }
}
