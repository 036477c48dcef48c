package io.ticketing.platform.outbox;

import java.util.List;

import org.springframework.context.SmartLifecycle;

/** Starts and stops several lifecycle components as one. */
final class LifecycleGroup implements SmartLifecycle {

    private final List<? extends SmartLifecycle> members;
    private volatile boolean running;

    LifecycleGroup(List<? extends SmartLifecycle> members) {
        this.members = members;
    }

    @Override
    public void start() {
        members.forEach(SmartLifecycle::start);
        running = true;
    }

    @Override
    public void stop() {
        members.forEach(SmartLifecycle::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
