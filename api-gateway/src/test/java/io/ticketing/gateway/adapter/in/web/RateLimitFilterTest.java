package io.ticketing.gateway.adapter.in.web;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

    @Test
    void anIpv6CallerIsItsSlash64AndAnIpv4CallerItsAddress() throws Exception {
        String one = RateLimitFilter.addressKey(InetAddress.getByName("2001:db8:1:2:aaaa::1"));
        String sameBlock = RateLimitFilter.addressKey(InetAddress.getByName("2001:db8:1:2:ffff:1:2:3"));
        String otherBlock = RateLimitFilter.addressKey(InetAddress.getByName("2001:db8:1:3::1"));

        assertThat(one).isEqualTo(sameBlock).isEqualTo("ip6:2001:db8:1:2:0:0:0:0/64");
        assertThat(otherBlock).isNotEqualTo(one);
        assertThat(RateLimitFilter.addressKey(InetAddress.getByName("192.0.2.7"))).isEqualTo("ip:192.0.2.7");
        assertThat(RateLimitFilter.addressKey(InetAddress.getByName("::ffff:192.0.2.7"))).isEqualTo("ip:192.0.2.7");
    }
}
