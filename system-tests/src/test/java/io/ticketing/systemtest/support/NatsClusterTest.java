package io.ticketing.systemtest.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NatsClusterTest {

    @Test
    void syncIntervalIsOnlyWrittenForServersThatKnowIt() {
        assertThat(NatsCluster.supportsSyncInterval("nats-server: v2.9.10")).isFalse();
        assertThat(NatsCluster.supportsSyncInterval("nats-server: v2.10.0")).isTrue();
        assertThat(NatsCluster.supportsSyncInterval("nats-server: v2.11.4")).isTrue();
        assertThat(NatsCluster.supportsSyncInterval("nats-server: v3.0.1")).isTrue();
        assertThat(NatsCluster.supportsSyncInterval("unknown")).isFalse();
    }
}
