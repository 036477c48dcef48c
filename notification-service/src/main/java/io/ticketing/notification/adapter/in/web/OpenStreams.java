package io.ticketing.notification.adapter.in.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The streams open on this instance. They are closed first on shutdown (before the web server's graceful
 * shutdown, which would otherwise wait for them), and clients reconnect to another replica.
 */
@Component
class OpenStreams implements SmartLifecycle {

    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    void add(LiveStream stream) {
        streams.add(stream);
    }

    void remove(LiveStream stream) {
        streams.remove(stream);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.forEach(LiveStream::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
