package io.ticketing.platform.messaging;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.impl.ErrorListenerLoggerImpl;
import io.nats.client.support.Status;

/**
 * The client's default error logging, without the warning for a pull request that expired before its batch
 * filled (408): every idle consumer's pull ends that way once per expiry, which logged several WARN lines per
 * second per service and hid the warnings that matter.
 */
final class QuietPullTimeouts extends ErrorListenerLoggerImpl {

    private static final int REQUEST_TIMEOUT = 408;

    @Override
    public void pullStatusWarning(Connection connection, JetStreamSubscription subscription, Status status) {
        if (status.getCode() != REQUEST_TIMEOUT) {
            super.pullStatusWarning(connection, subscription, status);
        }
    }
}
