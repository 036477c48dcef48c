package io.ticketing.gateway.adapter.in.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeFilterTest {

    @Test
    void continuesTheCallersTraceWithANewSpan() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        assertThat(EdgeFilter.childTraceparent(incoming))
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00")
                .isNotEqualTo(incoming);
    }

    @Test
    void startsATraceWhenTheCallersIsMissingOrInvalid() {
        assertThat(EdgeFilter.childTraceparent(null)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(EdgeFilter.childTraceparent("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
                .doesNotContain("0".repeat(32));
        assertThat(EdgeFilter.childTraceparent("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void keepsOnlyWellFormedCorrelationIds() {
        assertThat(EdgeFilter.correlationId("abc-123:x.y")).isEqualTo("abc-123:x.y");
        assertThat(EdgeFilter.correlationId("has spaces")).isNotEqualTo("has spaces").hasSize(36);
        assertThat(EdgeFilter.correlationId("x".repeat(101))).hasSize(36);
    }

    @Test
    void dropsTheAccessTokenAndKeepsTheRestOfTheQueryAsSent() {
        assertThat(EdgeFilter.withoutAccessToken(URI.create("http://gw/stream?access_token=t.k.n&since=[1]&x=%C3%A9")))
                .hasToString("http://gw/stream?since=[1]&x=%C3%A9");
        assertThat(EdgeFilter.withoutAccessToken(URI.create("http://gw/stream?access%5Ftoken=a&access_token&b=é")))
                .hasToString("http://gw/stream?b=é");
        assertThat(EdgeFilter.withoutAccessToken(URI.create("http://gw/stream?access_token=t")))
                .hasToString("http://gw/stream");
    }

    @Test
    void decodesEscapedLettersDigitsAndMarksButNoDotNorReservedCharacter() {
        assertThat(EdgeFilter.normalizedPath("/%61pi/v1/auth/%6C%6Fgin")).isEqualTo("/api/v1/auth/login");
        assertThat(EdgeFilter.normalizedPath("/api/v1/x%2Dy%5F%7E%31")).isEqualTo("/api/v1/x-y_~1");
        assertThat(EdgeFilter.normalizedPath("/api/%2e%2e/%2F%3B%25%C3%A9%")).isEqualTo("/api/%2e%2e/%2F%3B%25%C3%A9%");
        assertThat(EdgeFilter.normalizedPath("/api/%zz%4")).isEqualTo("/api/%zz%4");
    }

    @Test
    void tellsPathsThatDecodeAsUtf8FromOthers() {
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/cities/caf%C3%A9")).isTrue();
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/trains/plain")).isTrue();
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/trains/%FF")).isFalse();
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/trains/%C0%AE")).isFalse();
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/trains/%C3")).isFalse();
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/trains/%Z1")).isFalse();
        assertThat(EdgeFilter.decodesAsUtf8("/api/v1/trains/%4")).isFalse();
    }
}
