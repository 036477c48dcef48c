package io.ticketing.platform.messaging;

import java.io.IOException;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates or updates the streams idempotently; safe to run from every replica at every start. */
public class StreamProvisioner {

    private static final Logger log = LoggerFactory.getLogger(StreamProvisioner.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private final Connection connection;
    private final NatsProperties properties;

    public StreamProvisioner(Connection connection, NatsProperties properties) {
        this.connection = connection;
        this.properties = properties;
    }

    public void provision() throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        for (Streams.StreamSpec spec : Streams.ALL) {
            StreamConfiguration config = StreamConfiguration.builder()
                    .name(spec.name())
                    .subjects(spec.subjects())
                    .storageType(StorageType.File)
                    .replicas(properties.replicas())
                    .duplicateWindow(properties.duplicateWindow())
                    .maxAge(properties.eventRetention())
                    .build();
            try {
                StreamInfo existing = jsm.getStreamInfo(spec.name());
                if (!existing.getConfiguration().getSubjects().equals(config.getSubjects())
                        || !existing.getConfiguration().getDuplicateWindow().equals(config.getDuplicateWindow())
                        || !existing.getConfiguration().getMaxAge().equals(config.getMaxAge())) {
                    jsm.updateStream(config);
                    log.info("Updated stream {}", spec.name());
                }
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                    throw e;
                }
                try {
                    jsm.addStream(config);
                    log.info("Created stream {} ({})", spec.name(), spec.subjects());
                } catch (JetStreamApiException raced) {
                    // another service created it meanwhile: fine, it is the same configuration
                    jsm.getStreamInfo(spec.name());
                }
            }
        }
    }
}
